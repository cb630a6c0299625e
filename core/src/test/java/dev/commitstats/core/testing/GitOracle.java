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

/**
 * The {@code git} command line as an independent oracle: what {@code git log --no-merges --no-renames --numstat}
 * reports, per commit. Runs git with no user or system configuration, and with the Myers algorithm git defaults to.
 */
public final class GitOracle {

    /** One commit as git's numstat reports it. */
    public record Numstat(String sha, String authorEmail, long additions, long deletions, int binaryFiles, int files) {}

    private GitOracle() {
    }

    /** Every non-merge commit reachable from {@code revs} (e.g. {@code HEAD} or {@code --branches}), newest first. */
    public static Map<String, Numstat> numstat(Path gitDir, String... revs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString(),
                "-c", "diff.algorithm=myers", "-c", "core.quotepath=off", "-c", "diff.renames=false",
                "log", "--no-merges", "--no-renames", "--numstat", "--format=@%H %ae"));
        cmd.addAll(List.of(revs));
        cmd.add("--");
        Path home = Files.createTempDirectory("git-oracle-home");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().remove("GIT_DIR");
        Process p = pb.start();
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
