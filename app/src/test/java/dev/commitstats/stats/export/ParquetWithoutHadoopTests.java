package dev.commitstats.stats.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar ships parquet-hadoop without Hadoop (it is a compile-only dependency), so the export must never
 * load a Hadoop class. This runs the exporter in a class loader that has no Hadoop and reads the result back.
 */
class ParquetWithoutHadoopTests {

    @TempDir
    Path tmp;

    @Test
    void exportRunsWithNoHadoopClassAvailable() throws Exception {
        Path file = tmp.resolve("no-hadoop.parquet");
        try (NoHadoopClassLoader loader = new NoHadoopClassLoader(getClass().getClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.apache.hadoop.conf.Configuration"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> writer = loader.loadClass(SampleWriter.class.getName());
            assertThat(writer.getClassLoader()).isSameAs(loader);
            writer.getMethod("write", Path.class).invoke(null, file);
        }
        assertThat(ExportTests.readParquet(file)).isEqualTo(SampleWriter.table());
    }

    /** Loaded inside {@link NoHadoopClassLoader}; public so reflection can call it. */
    public static final class SampleWriter {
        public static void write(Path file) throws IOException {
            new ParquetExporter().write(table(), file);
        }

        static PeriodTable table() {
            return new PeriodTable(PeriodTable.MONTH, List.of("commits", "additions_Java"), List.of(
                    new PeriodRow("2024_01", new long[] {4, 250}), new PeriodRow("2024_02", new long[] {1, -3})));
        }
    }

    /**
     * Defines Parquet's and the exporter's classes itself (child first), so everything they link goes through here,
     * and refuses every Hadoop class.
     */
    private static final class NoHadoopClassLoader extends ClassLoader implements AutoCloseable {

        private final ClassLoader source;

        NoHadoopClassLoader(ClassLoader source) {
            super(ClassLoader.getPlatformClassLoader());
            this.source = source;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("org.apache.hadoop.")) {
                    throw new ClassNotFoundException(name + " (Hadoop is hidden in this test)");
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = ownsClass(name) ? define(name) : source.loadClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private static boolean ownsClass(String name) {
            return name.startsWith("org.apache.parquet.") || name.startsWith("shaded.parquet.")
                    || name.startsWith(ParquetExporter.class.getPackageName() + ".");
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        @Override
        public void close() {
            // nothing held open; AutoCloseable only for the try block's scope
        }
    }
}
