package dev.commitstats.core.mining;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.commitstats.core.testing.GitRepoBuilder;

/**
 * Writes a random but realistic history into a {@link GitRepoBuilder}: several authors and time zones, source files
 * in several languages, vendored and generated files, documentation, renames with and without edits, copies (of
 * files the same commit edits, deletes or leaves alone, with and without edits), binary files,
 * deletions, branches and merges, empty commits, submodule pointers, symlinks, CRLF files, files without a final
 * newline, non-UTF-8 paths, and the occasional huge file.
 */
final class RandomHistory {

    static final String[] AUTHORS = {"alice@example.com", "Bob@Example.com", "carol@example.org"};
    private static final String[] ZONES = {"+02:00", "-07:00", "Z", "+05:30"};
    private static final String[] PATHS = {
        "src/main/java/app/Main.java", "src/main/java/app/Util.java", "web/app.ts", "web/view.tsx", "lib/tool.py",
        "cmd/main.go", "src/lib.rs", "include/api.h", "src/api.c", "README.md", "docs/guide.md", "vendor/lib/dep.js",
        "node_modules/x/index.js", "package-lock.json", "web/bundle.min.js", "api/service.pb.go", "scripts/run.sh",
        "Dockerfile", "pom.xml", "package.json", "data/table.csv", "config/app.yaml", "Makefile", "style/site.css"};
    private static final String[] VOCAB = {"}", "{", "", "return x;", "int a = 1;", "if (a) {", "  call();", "// note",
        "import foo", "def f():", "    pass", "x += 1", "</div>", "<div>", "fmt.Println(v)", "end"};

    private final Random rnd;
    private final GitRepoBuilder repo;
    private int step;

    RandomHistory(long seed, GitRepoBuilder repo) {
        this.rnd = new Random(seed);
        this.repo = repo;
    }

    void write(int commits) throws IOException {
        repo.author("Alice", AUTHORS[0]).at("2023-01-02T09:00:00+01:00");
        for (String p : new String[] {"src/main/java/app/Main.java", "README.md"}) {
            repo.write(p, text(5 + rnd.nextInt(30), false));
        }
        repo.commit("chore: initial import");
        String topic = null;
        for (int i = 0; i < commits; i++) {
            step++;
            String email = AUTHORS[rnd.nextInt(AUTHORS.length)];
            repo.author(email.substring(0, email.indexOf('@')), email)
                    .at(String.format("2023-%02d-%02dT%02d:%02d:00%s", 1 + (step / 28) % 12, 1 + step % 28,
                            rnd.nextInt(24), rnd.nextInt(60), ZONES[rnd.nextInt(ZONES.length)]));
            int r = rnd.nextInt(100);
            if (r < 6 && topic == null) {
                topic = "topic-" + i;
                repo.branch(topic);
            } else if (r < 12 && topic != null) {
                repo.checkout("main");
                repo.merge(topic, "Merge branch '" + topic + "'");
                topic = null;
                continue;
            }
            mutate();
            repo.commit(message());
        }
    }

    private void mutate() throws IOException {
        int changes = 1 + rnd.nextInt(4);
        for (int c = 0; c < changes; c++) {
            int r = rnd.nextInt(100);
            List<String> existing = repo.paths();
            if (r < 35 && !existing.isEmpty()) {
                String p = existing.get(rnd.nextInt(existing.size()));
                if (isText(p)) {
                    repo.write(p, edit(new String(repo.read(p), StandardCharsets.UTF_8)));
                }
            } else if (r < 55) {
                String p = PATHS[rnd.nextInt(PATHS.length)];
                repo.write(p, text(1 + rnd.nextInt(60), rnd.nextInt(10) == 0));
            } else if (r < 62 && !existing.isEmpty()) {
                String p = existing.get(rnd.nextInt(existing.size()));
                String to = "moved/" + step + "/" + p.substring(p.lastIndexOf('/') + 1);
                if (!repo.exists(to)) {
                    repo.rename(p, to);
                    if (rnd.nextBoolean() && isText(to)) {
                        repo.write(to, edit(new String(repo.read(to), StandardCharsets.UTF_8)));
                    }
                }
            } else if (r < 68 && existing.size() > 3) {
                repo.delete(existing.get(rnd.nextInt(existing.size())));
            } else if (r < 73) {
                byte[] bin = new byte[200 + rnd.nextInt(2000)];
                rnd.nextBytes(bin);
                bin[5] = 0;
                repo.write("assets/img" + rnd.nextInt(5) + ".png", bin);
            } else if (r < 76) {
                repo.write("win/crlf" + rnd.nextInt(3) + ".txt", text(3 + rnd.nextInt(20), false).replace("\n", "\r\n"));
            } else if (r < 78) {
                repo.submodule("modules/sub", String.format("%040x", rnd.nextLong() & Long.MAX_VALUE).substring(0, 40));
            } else if (r < 80) {
                repo.symlink("links/current", "../src/target-" + rnd.nextInt(9));
            } else if (r < 82) {
                repo.write(new byte[] {'d', 'a', 't', 'a', '/', (byte) 0xE9, 't', 'e', '.', 't', 'x', 't'},
                        text(2 + rnd.nextInt(6), false).getBytes(StandardCharsets.ISO_8859_1));
            } else if (r < 84) {
                repo.write("data/dump" + rnd.nextInt(2) + ".sql", text(2100 + rnd.nextInt(1500), false));
            } else if (r < 86) {
                // empty commit: nothing changes
                return;
            } else if (!existing.isEmpty()) {
                // a copy: of an unchanged file (git -C finds none), or of one the commit also edits or deletes (a
                // copy source for git -C and for honest mode); the copy itself is often edited too
                String p = existing.get(rnd.nextInt(existing.size()));
                if (isText(p)) {
                    String content = new String(repo.read(p), StandardCharsets.UTF_8);
                    String copy = "copies/" + step + "-" + c + "-" + p.substring(p.lastIndexOf('/') + 1);
                    repo.write(copy, rnd.nextBoolean() ? content : edit(content));
                    int source = rnd.nextInt(4);
                    if (source < 2) {
                        repo.write(p, edit(content));
                    } else if (source == 2 && existing.size() > 3) {
                        repo.delete(p);
                    }
                }
            }
        }
    }

    private boolean isText(String p) throws IOException {
        if (!repo.isRegularFile(p)) {
            return false;
        }
        byte[] b = repo.read(p);
        for (int i = 0; i < Math.min(b.length, 8000); i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private String text(int lines, boolean noFinalNewline) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(rnd.nextInt(3) == 0 ? VOCAB[rnd.nextInt(VOCAB.length)] : "line " + rnd.nextInt(200)).append('\n');
        }
        if (noFinalNewline && sb.length() > 0) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private String edit(String content) {
        List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
        int edits = 1 + rnd.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = lines.isEmpty() ? 0 : rnd.nextInt(lines.size());
            switch (rnd.nextInt(3)) {
                case 0 -> lines.add(at, rnd.nextBoolean() ? VOCAB[rnd.nextInt(VOCAB.length)] : "new " + rnd.nextInt(1000));
                case 1 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(at);
                    }
                }
                default -> {
                    if (!lines.isEmpty()) {
                        lines.set(at, "changed " + rnd.nextInt(1000));
                    }
                }
            }
        }
        return String.join("\n", lines);
    }

    private String message() {
        String[] types = {"feat", "fix", "refactor", "docs", "test", "chore", "perf", "ci", "build", "style"};
        int r = rnd.nextInt(10);
        if (r < 7) {
            return types[rnd.nextInt(types.length)] + (rnd.nextBoolean() ? "(core)" : "") + (rnd.nextInt(15) == 0 ? "!" : "")
                    + ": change " + step + "\n\nBody text.\n";
        }
        return r == 7 ? "Update things" : r == 8 ? "Revert \"feat: x\"" : "fix: y\n\nBREAKING CHANGE: z\n";
    }
}
