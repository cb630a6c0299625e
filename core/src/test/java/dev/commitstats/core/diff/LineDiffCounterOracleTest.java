package dev.commitstats.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link LineDiffCounter} with {@code git diff --no-index --numstat} on generated file pairs.
 * Each test builds a batch of pairs and asks git once for the whole batch.
 *
 * <p>Coverage note (checked by mutating the implementation): these cases detect dropping the multimatch
 * discard, the prefix/suffix class counts, the cost heuristics and the good-snake split. They do not
 * distinguish whether a sub-box after an exact split inherits {@code need_min} (xdiff's
 * {@code min_lo}/{@code min_hi}); that only matters when a box still costs more than 2*256 after an
 * mxcost split of a file pair with more than ~260k kept lines, and is implemented as in xdiff.
 */
class LineDiffCounterOracleTest {

    private final LineDiffCounter counter = new LineDiffCounter();

    @Test
    void randomEditsOfRandomFiles() {
        Random rnd = new Random(42);
        List<byte[][]> pairs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int alphabet = switch (i % 5) {
                case 0 -> 2;
                case 1 -> 4;
                case 2 -> 12;
                case 3 -> 60;
                default -> 100_000;
            };
            List<String> a = randomLines(rnd, rnd.nextInt(i % 7 == 0 ? 600 : 60), alphabet);
            List<String> b = edit(rnd, a, alphabet, 1 + rnd.nextInt(8));
            pairs.add(new byte[][] {join(a, rnd.nextInt(4) != 0), join(b, rnd.nextInt(4) != 0)});
        }
        assertMatchesGit(pairs);
    }

    @Test
    void smallAlphabetsWithManyRepeats() {
        // many repeated lines: this is where xdiff's discard and multimatch logic decides the counts
        Random rnd = new Random(7);
        List<byte[][]> pairs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = 200 + rnd.nextInt(3000);
            List<String> a = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int r = rnd.nextInt(100);
                a.add(r < 40 ? "}" : r < 60 ? "" : r < 75 ? "    return x;" : "line " + rnd.nextInt(n / 3 + 1));
            }
            List<String> b = edit(rnd, a, 50 + rnd.nextInt(n), 1 + rnd.nextInt(40));
            pairs.add(new byte[][] {join(a, true), join(b, true)});
        }
        assertMatchesGit(pairs);
    }

    @Test
    void edgeCases() {
        List<byte[][]> pairs = new ArrayList<>();
        String[][] cases = {
            {"", ""}, {"", "a\n"}, {"a\n", ""}, {"", "a"}, {"a", ""}, {"a", "a"}, {"a", "a\n"}, {"a\n", "a"},
            {"a\nb", "a\nb\n"}, {"a\nb\n", "a\nb"}, {"a\nb", "a\nc"}, {"x\na\nb", "y\na\nb"},
            {"a\r\nb\r\n", "a\nb\n"}, {"a\r\nb\r\n", "a\r\nb\n"}, {"a\r\n", "a\r"}, {"\n", "\n\n"},
            {"\n\n\n", "\n"}, {"a\n", "b\n"}, {"a", "b"}, {"a\nb\nc\n", "c\nb\na\n"},
            {"a\na\na\n", "a\na\n"}, {"a\nb\na\nb\n", "b\na\nb\na\n"}, {"x\n\n", "x\n"}, {"x\n", "x\n\n"},
            {"one line no newline", "one line no newline\nsecond"}, {"\r\n", "\n"}, {"\r", "\n"},
            {"abcdefgh\n", "abcdefgh"}, {"abcdefghijklmnop\nq", "abcdefghijklmnop\nr"},
        };
        for (String[] c : cases) {
            pairs.add(new byte[][] {bytes(c[0]), bytes(c[1])});
        }
        // CRLF vs LF of the same text, with and without partial CRLF conversion
        Random rnd = new Random(3);
        for (int i = 0; i < 30; i++) {
            List<String> a = randomLines(rnd, 1 + rnd.nextInt(100), 20);
            String lf = String.join("\n", a) + "\n";
            StringBuilder mixed = new StringBuilder();
            for (String l : a) {
                mixed.append(l).append(rnd.nextInt(3) == 0 ? "\r\n" : "\n");
            }
            pairs.add(new byte[][] {bytes(lf), bytes(lf.replace("\n", "\r\n"))});
            pairs.add(new byte[][] {bytes(lf), bytes(mixed.toString())});
        }
        assertMatchesGit(pairs);
    }

    @Test
    void identicalLinesRewritesAndReorders() {
        Random rnd = new Random(11);
        List<byte[][]> pairs = new ArrayList<>();
        // thousands of identical lines with a few edits
        for (String filler : new String[] {"}", "", "\t}", "x"}) {
            for (int i = 0; i < 6; i++) {
                List<String> a = new ArrayList<>();
                int n = 1000 + rnd.nextInt(5000);
                for (int k = 0; k < n; k++) {
                    a.add(rnd.nextInt(50) == 0 ? "uniq " + k : filler);
                }
                List<String> b = edit(rnd, a, 1_000_000, 1 + rnd.nextInt(30));
                pairs.add(new byte[][] {join(a, true), join(b, true)});
                List<String> only = new ArrayList<>();
                for (int k = 0; k < n + rnd.nextInt(100) - 50; k++) {
                    only.add(filler);
                }
                pairs.add(new byte[][] {join(only, true), join(a, true)});
            }
        }
        // complete rewrites (nothing or little shared)
        for (int i = 0; i < 10; i++) {
            List<String> a = randomLines(rnd, 100 + rnd.nextInt(2000), 1_000_000);
            List<String> b = randomLines(rnd, 100 + rnd.nextInt(2000), 1_000_000);
            pairs.add(new byte[][] {join(a, true), join(b, rnd.nextBoolean())});
        }
        // reordered blocks
        for (int i = 0; i < 20; i++) {
            List<String> a = randomLines(rnd, 200 + rnd.nextInt(2000), i % 2 == 0 ? 30 : 1_000_000);
            List<String> b = new ArrayList<>(a);
            for (int m = 0; m < 1 + rnd.nextInt(6); m++) {
                int from = rnd.nextInt(b.size());
                int len = Math.min(b.size() - from, 1 + rnd.nextInt(100));
                List<String> block = new ArrayList<>(b.subList(from, from + len));
                b.subList(from, from + len).clear();
                b.addAll(rnd.nextInt(b.size() + 1), block);
            }
            pairs.add(new byte[][] {join(a, true), join(b, true)});
        }
        assertMatchesGit(pairs);
    }

    @Test
    void costHeuristicsOnLargeUnrelatedFiles() {
        // Large, mostly different files sharing some lines: edit cost goes past XDL_HEUR_MIN_COST and
        // mxcost, so the good-snake and furthest-reaching cut-offs decide the counts.
        Random rnd = new Random(99);
        List<byte[][]> pairs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = 5_000 + rnd.nextInt(20_000);
            List<String> shared = randomLines(rnd, 50 + rnd.nextInt(3000), 1_000_000);
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                a.add(pick(rnd, shared, "a" + k, i));
                b.add(pick(rnd, shared, "b" + k, i));
            }
            if (i % 4 == 3) {
                // long common runs ("good snakes") between unrelated regions
                int at = rnd.nextInt(n - 100);
                for (int k = 0; k < 60; k++) {
                    b.set(Math.min(n - 1, at + 30 + k), a.get(at + k));
                }
            }
            pairs.add(new byte[][] {join(a, true), join(b, true)});
        }
        // same base with dense edits: large D with lots of common snakes
        for (int i = 0; i < 8; i++) {
            List<String> a = randomLines(rnd, 20_000, i % 2 == 0 ? 500 : 1_000_000);
            List<String> b = edit(rnd, a, 1_000_000, 800 + rnd.nextInt(800));
            pairs.add(new byte[][] {join(a, true), join(b, true)});
        }
        assertMatchesGit(pairs);
    }

    @Test
    void goodSnakeHeuristicOnBigFilesWithManyEdits() {
        // XDL_HEUR_MIN_COST's good-snake split can only fire when mxcost > 256, i.e. when the kept lines
        // number at least ~65k (ndiags >= 4^8); the edit cost must then pass 256 within one box.
        Random rnd = new Random(2024);
        List<byte[][]> pairs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<String> a = randomLines(rnd, 40_000 + rnd.nextInt(40_000), i % 3 == 0 ? 2_000 : 1_000_000);
            List<String> b = edit(rnd, a, 1_000_000, 600 + rnd.nextInt(3000));
            pairs.add(new byte[][] {join(a, true), join(b, true)});
        }
        assertMatchesGit(pairs);
    }

    @Test
    void hugeFileWithScatteredEdits() {
        Random rnd = new Random(5);
        List<byte[][]> pairs = new ArrayList<>();
        List<String> a = new ArrayList<>(200_000);
        for (int k = 0; k < 200_000; k++) {
            int r = rnd.nextInt(10);
            a.add(r == 0 ? "" : r == 1 ? "}" : "statement(" + rnd.nextInt(50_000) + ");");
        }
        pairs.add(new byte[][] {join(a, true), join(edit(rnd, a, 1_000_000, 300), true)});
        pairs.add(new byte[][] {join(a, true), join(edit(rnd, a, 1_000_000, 3), false)});
        pairs.add(new byte[][] {join(a, true), join(edit(rnd, a, 1_000_000, 1), true)});
        assertMatchesGit(pairs);
    }

    @Test
    void reusedCounterGivesSameAnswersAsFreshOne() {
        Random rnd = new Random(1);
        List<byte[][]> pairs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> a = randomLines(rnd, i % 3 == 0 ? 20_000 : 30, 40);
            pairs.add(new byte[][] {join(a, true), join(edit(rnd, a, 40, 10), true)});
        }
        for (byte[][] p : pairs) {
            long reused = counter.count(p[0], p[0].length, p[1], p[1].length);
            long fresh = new LineDiffCounter().count(p[0], p[0].length, p[1], p[1].length);
            assertThat(reused).isEqualTo(fresh);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void assertMatchesGit(List<byte[][]> pairs) {
        long[] expected = GitNumstatOracle.numstat(pairs);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            byte[] a = pairs.get(i)[0];
            byte[] b = pairs.get(i)[1];
            // pass longer arrays than the lengths, as callers reuse buffers
            byte[] pa = java.util.Arrays.copyOf(a, a.length + 13);
            byte[] pb = java.util.Arrays.copyOf(b, b.length + 5);
            long got = counter.count(pa, a.length, pb, b.length);
            if (got != expected[i]) {
                mismatches.add("pair " + i + ": git +" + LineDiffCounter.added(expected[i]) + " -"
                        + LineDiffCounter.deleted(expected[i]) + ", ours +" + LineDiffCounter.added(got)
                        + " -" + LineDiffCounter.deleted(got) + " (sizes " + a.length + "/" + b.length + ")");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static String pick(Random rnd, List<String> shared, String own, int variant) {
        int pct = 10 + (variant % 4) * 20;
        return rnd.nextInt(100) < pct ? shared.get(rnd.nextInt(shared.size())) : own;
    }

    static List<String> randomLines(Random rnd, int n, int alphabet) {
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(line(rnd, alphabet));
        }
        return lines;
    }

    private static String line(Random rnd, int alphabet) {
        int v = rnd.nextInt(alphabet);
        // vary lengths across the 8-byte word boundaries the hash works in
        return switch (v % 4) {
            case 0 -> "l" + v;
            case 1 -> "    int x" + v + " = compute(" + v + ");";
            case 2 -> v % 8 == 2 ? "" : "}" + v;
            default -> "\t// a somewhat longer comment line number " + v + " of the file";
        };
    }

    /** Applies random edits: replace, insert, delete, or duplicate a range. */
    static List<String> edit(Random rnd, List<String> src, int alphabet, int edits) {
        List<String> b = new ArrayList<>(src);
        for (int e = 0; e < edits; e++) {
            int at = rnd.nextInt(b.size() + 1);
            int len = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 40 : 4);
            int end = Math.min(b.size(), at + len);
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    for (int k = at; k < end; k++) {
                        b.set(k, line(rnd, alphabet));
                    }
                }
                case 1 -> {
                    for (int k = 0; k < len; k++) {
                        b.add(at, line(rnd, alphabet));
                    }
                }
                case 2 -> b.subList(at, end).clear();
                default -> b.addAll(at, new ArrayList<>(b.subList(at, end)));
            }
        }
        return b;
    }

    static byte[] join(List<String> lines, boolean finalNewline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (i < lines.size() - 1 || finalNewline) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
