package dev.commitstats.stats.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Parquet with a required {@code period} string column and one required INT64 column per metric, written by Apache
 * Parquet's own Java writer ({@code parquet-hadoop}) through its Hadoop-free path: a plain configuration and an
 * {@link OutputFile} over a stream, so no Hadoop classes are loaded. The period kind is stored in the file's key-value
 * metadata as {@code commitstats.period}.
 *
 * <p>Uncompressed: a table has at most a few thousand rows of small numbers, and the codecs bring native libraries.
 */
public final class ParquetExporter implements PeriodTableExporter {

    static final String PERIOD_METADATA = "commitstats.period";

    @Override
    public String extension() {
        return "parquet";
    }

    @Override
    public void write(PeriodTable table, OutputStream out) throws IOException {
        MessageType schema = schema(table.metrics());
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withCodecFactory(UncompressedCodecs.INSTANCE)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withExtraMetaData(Map.of(PERIOD_METADATA, table.period()))
                .build()) {
            List<String> metrics = table.metrics();
            for (PeriodRow row : table.rows()) {
                Group g = groups.newGroup().append(PeriodTable.PERIOD_COLUMN, row.key());
                for (int i = 0; i < metrics.size(); i++) {
                    g.append(metrics.get(i), row.value(i));
                }
                writer.write(g);
            }
        }
        out.flush();
    }

    static MessageType schema(List<String> metrics) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(PeriodTable.PERIOD_COLUMN);
        for (String m : metrics) {
            b.required(PrimitiveTypeName.INT64).named(m);
        }
        return b.named("commitstats_period_table");
    }

    /** Parquet needs the write position (for footer offsets) and nothing else, so any stream will do. */
    private static final class StreamOutputFile implements OutputFile {

        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    // the caller owns the stream
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
