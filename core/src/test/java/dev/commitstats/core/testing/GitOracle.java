package dev.commitstats.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code git} command line as an independent oracle: what {@code git log --no-merges --no-renames --numstat}
 * reports, per commit, and how a {@code .mailmap} maps authors. Runs git with no user or system configuration, and
 * with the Myers algorithm git defaults to.
 */
public final class GitOracle {

    /** One commit as git's numstat reports it. */
    public record Numstat(String sha, String authorEmail, long additions, long deletions, int binaryFiles, int files) {}

    private GitOracle() {
    }

    /** Every non-merge commit reachable from {@code revs} (e.g. {@code HEAD} or {@code --branches}), newest first. */
    public static Map<String, Numstat> numstat(Path gitDir, String... revs) throws IOException, InterruptedException {
        return numstat(gitDir, List.of(), List.of(), "%ae", revs);
    }

    /**
     * The non-merge commits reachable from {@code revs} that {@code git log --use-mailmap -i -F --author=<email>}
     * selects: those whose author, with the repository's {@code .mailmap} at HEAD applied ({@code mailmap.blob},
     * which is git's default in a bare repository only), has that email, case-insensitively. Each with the mapped
     * email ({@code %aE}).
     */
    public static Map<String, Numstat> numstatByMailmappedAuthor(Path gitDir, String email, String... revs)
            throws IOException, InterruptedException {
        // the angle brackets make the pattern the whole email, not a part of a longer one
        return numstat(gitDir, List.of("-c", "mailmap.blob=HEAD:.mailmap"),
                List.of("--use-mailmap", "--regexp-ignore-case", "--fixed-strings", "--author=<" + email + ">"),
                "%aE", revs);
    }

    /**
     * The non-merge commits reachable from {@code revs} that change a path outside {@code excludedGlobs}, with
     * numstat over those paths only: {@code git log --full-history -- . ':(exclude,glob)PATTERN'...}. A commit that
     * changes excluded paths only is not listed.
     */
    public static Map<String, Numstat> numstatExcluding(Path gitDir, List<String> excludedGlobs, String... revs)
            throws IOException, InterruptedException {
        List<String> pathspecs = new ArrayList<>(List.of("."));
        excludedGlobs.forEach(g -> pathspecs.add(":(exclude,glob)" + g));
        // --full-history: without it git drops side branches that leave the selected paths as they were
        return numstat(gitDir, List.of(), List.of("--full-history"), "%ae", pathspecs, revs);
    }

    private static Map<String, Numstat> numstat(Path gitDir, List<String> config, List<String> logOptions,
            String emailFormat, String... revs) throws IOException, InterruptedException {
        return numstat(gitDir, config, logOptions, emailFormat, List.of(), revs);
    }

    private static Map<String, Numstat> numstat(Path gitDir, List<String> config, List<String> logOptions,
            String emailFormat, List<String> pathspecs, String... revs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString(),
                "-c", "diff.algorithm=myers", "-c", "core.quotepath=off", "-c", "diff.renames=false"));
        cmd.addAll(config);
        cmd.add("log");
        cmd.addAll(logOptions);
        cmd.addAll(List.of("--no-merges", "--no-renames", "--numstat", "--format=@%H " + emailFormat));
        cmd.addAll(List.of(revs));
        cmd.add("--");
        cmd.addAll(pathspecs);
        Process p = start(cmd);
        Map<String, Numstat> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1))) {
            String sha = null;
            String email = null;
            long add = 0;
            long del = 0;
            int bin = 0;
            int files = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("@")) {
                    if (sha != null) {
                        out.put(sha, new Numstat(sha, email, add, del, bin, files));
                    }
                    int sp = line.indexOf(' ');
                    sha = line.substring(1, sp);
                    email = line.substring(sp + 1);
                    add = del = 0;
                    bin = files = 0;
                } else if (!line.isEmpty()) {
                    String[] parts = line.split("\t", 3);
                    files++;
                    if (parts[0].equals("-")) {
                        bin++;
                    } else {
                        add += Long.parseLong(parts[0]);
                        del += Long.parseLong(parts[1]);
                    }
                }
            }
            if (sha != null) {
                out.put(sha, new Numstat(sha, email, add, del, bin, files));
            }
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git log failed: " + err);
        }
        return out;
    }

    /**
     * What {@code git check-mailmap} says of each contact ({@code Name <email>}) with the mailmap {@code mailmapBlob}
     * (an object name such as {@code HEAD:.mailmap} or a blob id): the mapped {@code Name <email>}, or
     * {@code <email>} when the name is empty. One line per contact, in order.
     */
    public static List<String> checkMailmap(Path gitDir, String mailmapBlob, List<String> contacts)
            throws IOException, InterruptedException {
        Process p = start(List.of("git", "--git-dir", gitDir.toString(), "-c", "mailmap.blob=" + mailmapBlob,
                "check-mailmap", "--stdin"));
        try (var in = p.getOutputStream()) {
            in.write((String.join("\n", contacts) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git check-mailmap failed: " + err);
        }
        return out.lines().toList();
    }

    /**
     * The {@code paths} (files, relative to the root) that {@code git check-ignore} says a root {@code .gitignore}
     * holding the single line {@code pattern} ignores, itself or through a folder above them. The files are created
     * in a fresh repository under {@code dir}, so that git sees real files and folders.
     */
    public static Set<String> ignoredBy(Path dir, String pattern, List<String> paths)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process init = start(List.of("git", "init", "-q", dir.toString()));
        if (init.waitFor() != 0) {
            throw new IOException("git init failed: " + new String(init.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve(".gitignore"), pattern + "\n");
        for (String path : paths) {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x\n");
        }
        Process p = start(List.of("git", "-C", dir.toString(), "check-ignore", "--no-index", "-z", "--stdin"));
        try (var in = p.getOutputStream()) {
            in.write((String.join("\0", paths) + "\0").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code > 1) { // 1: nothing ignored
            throw new IOException("git check-ignore failed: " + err);
        }
        Set<String> ignored = new java.util.TreeSet<>();
        for (String s : out.split("\0")) {
            if (!s.isEmpty()) {
                ignored.add(s);
            }
        }
        return ignored;
    }

    /**
     * Starts git with no user or system configuration, in an empty folder (so that a non-bare repository named with
     * {@code --git-dir} finds no work-tree files such as a {@code .mailmap} there).
     */
    private static Process start(List<String> cmd) throws IOException {
        Path home = Files.createTempDirectory("git-oracle-home");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().remove("GIT_DIR");
        return pb.start();
    }

    /**
     * A file git pairs with another one in a commit, rename or copy (numstat does not say which), with git's numstat
     * for the pair: the diff between {@code from}'s pre-image and {@code to}.
     */
    public record Pair(String from, String to, long additions, long deletions) {}

    /**
     * The renames and copies git finds in every non-merge commit reachable from {@code revs}, with
     * {@code git log -C50% --numstat}: copy sources are the files a commit modifies or deletes. (Note that a later
     * {@code -M} would turn copy detection off again: {@code -C -M50%} finds renames only.) Binary pairs are left out.
     */
    public static Map<String, List<Pair>> renamesAndCopies(Path gitDir, String... revs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString(),
                "-c", "diff.algorithm=myers", "log", "--no-merges", "-C50%", "--numstat", "-z", "--format=@%H"));
        cmd.addAll(List.of(revs));
        cmd.add("--");
        Process p = start(cmd);
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git log failed: " + err);
        }
        // -z: "@sha" NUL, then per file "add TAB del TAB path" NUL, or for a pair "add TAB del TAB" NUL from NUL to NUL
        String[] tokens = new String(out, StandardCharsets.UTF_8).split("\0", -1);
        Map<String, List<Pair>> pairs = new LinkedHashMap<>();
        List<Pair> current = null;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i].startsWith("\n") ? tokens[i].substring(1) : tokens[i];
            if (t.startsWith("@")) {
                current = new ArrayList<>();
                pairs.put(t.substring(1), current);
            } else if (!t.isEmpty()) {
                String[] parts = t.split("\t", 3);
                if (parts.length == 3 && parts[2].isEmpty()) {
                    String from = tokens[++i];
                    String to = tokens[++i];
                    if (!parts[0].equals("-")) {
                        current.add(new Pair(from, to, Long.parseLong(parts[0]), Long.parseLong(parts[1])));
                    }
                }
            }
        }
        return pairs;
    }

    /** Totals {commits, additions, deletions} for one author email (case-insensitive), or everyone when null. */
    public static long[] totals(Map<String, Numstat> numstat, String email) {
        long[] t = new long[3];
        for (Numstat n : numstat.values()) {
            if (email == null || n.authorEmail().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))) {
                t[0]++;
                t[1] += n.additions();
                t[2] += n.deletions();
            }
        }
        return t;
    }
}
