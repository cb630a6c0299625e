package dev.commitstats.stats.export;

import java.nio.ByteBuffer;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The only codec the export uses. parquet-hadoop's default {@code CodecFactory} links Hadoop's compression classes
 * even for uncompressed pages, so handing the writer (and readers) this factory is what keeps Hadoop off the runtime
 * classpath.
 */
final class UncompressedCodecs implements CompressionCodecFactory {

    static final UncompressedCodecs INSTANCE = new UncompressedCodecs();

    private static final BytesInputCompressor COMPRESSOR = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {
        }
    };

    private static final BytesInputDecompressor DECOMPRESSOR = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output,
                int decompressedSize) {
            ByteBuffer slice = input.duplicate();
            slice.limit(slice.position() + compressedSize);
            output.put(slice);
        }

        @Override
        public void release() {
        }
    };

    private UncompressedCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return COMPRESSOR.getCodecName() == codec ? COMPRESSOR : unsupported(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.UNCOMPRESSED) {
            unsupported(codec);
        }
        return DECOMPRESSOR;
    }

    @Override
    public void release() {
    }

    private static BytesInputCompressor unsupported(CompressionCodecName codec) {
        throw new UnsupportedOperationException("only uncompressed Parquet is written and read here, not " + codec);
    }
}
