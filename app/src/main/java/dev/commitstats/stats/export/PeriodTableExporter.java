package dev.commitstats.stats.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a {@link PeriodTable} in one file format. Implementations are stateless and thread-safe. */
public interface PeriodTableExporter {

    /** The usual file name extension, without dot: {@code csv}, {@code parquet}. */
    String extension();

    /** Writes the table to {@code out}, which is flushed but not closed. */
    void write(PeriodTable table, OutputStream out) throws IOException;

    /**
     * Writes the table to a file, replacing it only once complete: it is written beside the target first, so a failed
     * export never leaves a truncated file under the chosen name.
     */
    default void write(PeriodTable table, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(table, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
