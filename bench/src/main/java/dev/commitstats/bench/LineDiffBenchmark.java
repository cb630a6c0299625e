package dev.commitstats.bench;

import dev.commitstats.core.diff.LineDiffCounter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.MyersDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link LineDiffCounter} against JGit's {@code MyersDiff} (with {@code RawText} and
 * {@code RawTextComparator.DEFAULT}, the usual JGit way to count changed lines) on the same inputs.
 * Shapes: 1% of the lines edited at scattered places, a single one-line edit, and a full rewrite.
 *
 * <p>JGit's Myers has no cost cut-off, so a full rewrite is quadratic for it: about 8 s per call at 10k
 * lines and many minutes at 100k. Exclude that one combination when running everything, e.g.
 * {@code java -jar bench/target/benchmarks.jar 'LineDiff.*jgit' -p shape=scattered1pct,oneLine} plus
 * {@code 'LineDiff.*jgit' -p shape=rewrite -p lines=10000} and {@code 'LineDiff.*lineDiffCounter'}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LineDiffBenchmark {

    @Param({"10000", "100000"})
    int lines;

    @Param({"scattered1pct", "oneLine", "rewrite"})
    String shape;

    private byte[] a;
    private byte[] b;
    private final LineDiffCounter counter = new LineDiffCounter();

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(12345);
        List<String> base = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            base.add(sourceLine(rnd, i));
        }
        List<String> other;
        switch (shape) {
            case "scattered1pct" -> {
                other = new ArrayList<>(base);
                for (int e = 0; e < lines / 100; e++) {
                    int at = rnd.nextInt(other.size());
                    switch (e % 3) {
                        case 0 -> other.set(at, "    changed(" + e + ");");
                        case 1 -> other.add(at, "    inserted(" + e + ");");
                        default -> other.remove(at);
                    }
                }
            }
            case "oneLine" -> {
                other = new ArrayList<>(base);
                other.set(lines / 2, "    the one changed line;");
            }
            case "rewrite" -> {
                other = new ArrayList<>(lines);
                for (int i = 0; i < lines; i++) {
                    other.add(sourceLine(rnd, i + lines));
                }
            }
            default -> throw new IllegalArgumentException(shape);
        }
        a = join(base);
        b = join(other);
    }

    /** Java-like lines: many braces and blank lines repeat, the rest are mostly unique. */
    private static String sourceLine(Random rnd, int i) {
        int r = rnd.nextInt(10);
        return switch (r) {
            case 0 -> "";
            case 1 -> "    }";
            case 2 -> "        return result;";
            default -> "        int v" + i + " = compute(" + rnd.nextInt(1000) + ", \"" + i + "\");";
        };
    }

    private static byte[] join(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : lines) {
            out.writeBytes(l.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Benchmark
    public long lineDiffCounter() {
        return counter.count(a, a.length, b, b.length);
    }

    @Benchmark
    public long jgitMyers() {
        RawText ra = new RawText(a);
        RawText rb = new RawText(b);
        EditList edits = MyersDiff.INSTANCE.diff(RawTextComparator.DEFAULT, ra, rb);
        long added = 0;
        long deleted = 0;
        for (Edit e : edits) {
            added += e.getLengthB();
            deleted += e.getLengthA();
        }
        return (added << 32) | deleted;
    }
}
