package dev.commitstats.core.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real git as the oracle: writes every pair into {@code a/pNNNNN} and {@code b/pNNNNN} and runs
 * one {@code git diff --no-index --numstat a b}, which is far cheaper than one process per pair.
 * Config is pinned (Myers, no autocrlf, no renames, no global/system config) so the machine's git
 * setup cannot change the answer.
 */
final class GitNumstatOracle {

    /** Marker for git's "-\t-" (binary) answer. */
    static final long BINARY = -1L;

    private GitNumstatOracle() {
    }

    /** Returns, per pair, {@code LineDiffCounter}-style packed counts (0 when git prints nothing). */
    static long[] numstat(List<byte[][]> pairs) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("numstat-oracle");
            Path a = Files.createDirectory(dir.resolve("a"));
            Path b = Files.createDirectory(dir.resolve("b"));
            for (int i = 0; i < pairs.size(); i++) {
                Files.write(a.resolve(name(i)), pairs.get(i)[0]);
                Files.write(b.resolve(name(i)), pairs.get(i)[1]);
            }
            ProcessBuilder pb = new ProcessBuilder("git",
                    "-c", "diff.algorithm=myers", "-c", "core.autocrlf=false", "-c", "diff.renames=false",
                    "-c", "core.bigFileThreshold=2g",
                    "diff", "--no-index", "--numstat", "--no-color", "a", "b")
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
            Process proc = pb.start();
            byte[] out = proc.getInputStream().readAllBytes();
            if (!proc.waitFor(120, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new IllegalStateException("git timed out");
            }
            int rc = proc.exitValue();
            if (rc != 0 && rc != 1) {
                throw new IllegalStateException("git diff failed: " + rc);
            }
            long[] result = new long[pairs.size()];
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t");
                int idx = Integer.parseInt(f[2].substring(f[2].lastIndexOf('/') + 2));
                if (f[0].equals("-")) {
                    result[idx] = BINARY;
                } else {
                    result[idx] = ((long) Integer.parseInt(f[0]) << 32) | Integer.parseInt(f[1]);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) {
                deleteRecursively(dir);
            }
        }
    }

    private static String name(int i) {
        return String.format("p%05d", i);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp dir
        }
    }
}
