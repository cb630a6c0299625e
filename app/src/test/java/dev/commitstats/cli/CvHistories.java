package dev.commitstats.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.commitstats.core.testing.GitRepoBuilder;

/**
 * Generated git histories for the CV page's tests: the CV's owner (Ada) and a colleague whose commits must not count,
 * several languages over years that end a few days before today (so the last twelve months, streaks and key metrics
 * have something to show), Conventional Commit types and plain messages, tools and packages introduced, and lines
 * that the honest count leaves out (vendored, generated, moved, bulk). Deterministic for a seed and a day.
 */
final class CvHistories {

    static final String LOGIN = "ada";
    static final String EMAIL = "ada@example.com";
    static final String COLLEAGUE = "bob@example.com";
    /** A word that appears in commit messages only: a page must never show it. */
    static final String MESSAGE_WORD = "zebrafish";

    private CvHistories() {
    }

    /** One kind of file the generator writes, with the language Linguist gives it. */
    record Lang(String name, String folder, String extension, String comment) {
        String path(int i) {
            return folder + "/part" + i + extension;
        }
    }

    static final Lang JAVA = new Lang("Java", "src/main/java/dev/example", ".java", "//");
    static final Lang KOTLIN = new Lang("Kotlin", "src/main/kotlin/dev/example", ".kt", "//");
    static final Lang SQL = new Lang("SQL", "db/migration", ".sql", "--");
    static final Lang TYPESCRIPT = new Lang("TypeScript", "web/src", ".ts", "//");
    static final Lang CSS = new Lang("CSS", "web/styles", ".css", "/*");
    static final Lang PYTHON = new Lang("Python", "tools", ".py", "#");
    static final Lang GO = new Lang("Go", "cmd/agent", ".go", "//");
    static final Lang HCL = new Lang("HCL", "infra/stacks", ".tf", "#");
    static final Lang SHELL = new Lang("Shell", "scripts", ".sh", "#");
    static final Lang YAML = new Lang("YAML", "deploy", ".yaml", "#");
    static final Lang DOCS = new Lang("Documentation", "docs", ".md", "");

    /**
     * A repository of {@code commits} commits by Ada (and a few by a colleague), spread over the {@code days} days
     * that end {@code endDaysAgo} days before today.
     */
    static void write(Path dir, long seed, int commits, int days, int endDaysAgo, List<Lang> langs, boolean extras)
            throws IOException {
        Random random = new Random(seed);
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(endDaysAgo);
        LocalDate start = end.minusDays(days - 1L);
        List<OffsetDateTime> times = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
            LocalDate day;
            do {
                // more recent days are busier: a career that grows
                double r = Math.sqrt(random.nextDouble());
                day = start.plusDays((long) (r * (days - 1)));
            } while (isWeekend(day) && random.nextInt(4) != 0);
            int hour = random.nextInt(10) == 0 ? 20 + random.nextInt(4) : 8 + (int) Math.abs(random.nextGaussian() * 3
                    + 3) % 11;
            ZoneOffset offset = ZoneOffset.ofHours(day.getMonthValue() >= 4 && day.getMonthValue() <= 10 ? 2 : 1);
            times.add(OffsetDateTime.of(day.atTime(hour, random.nextInt(60)), offset));
        }
        times.sort(null);
        // the last commit falls on the last day, so the span ends where the caller asked
        times.set(times.size() - 1, OffsetDateTime.of(end.atTime(11, 5), ZoneOffset.ofHours(1)));

        int[] sizes = new int[langs.size() * 8];
        int extraAt = commits / 3;
        try (GitRepoBuilder git = GitRepoBuilder.initBare(dir)) {
            for (int i = 0; i < times.size(); i++) {
                OffsetDateTime at = times.get(i);
                if (random.nextInt(9) == 0) {
                    git.author("Bob", COLLEAGUE).at(at.minusHours(1));
                    git.write("src/bob/Notes" + i + ".txt", "a colleague's notes\n".repeat(1 + random.nextInt(40)));
                    git.commit("chore: colleague's work " + i);
                }
                git.author("Ada", EMAIL).at(at);
                // a favourite language takes most commits
                int li = random.nextInt(10) < 6 ? 0 : random.nextInt(langs.size());
                Lang lang = langs.get(li);
                int file = li * 8 + random.nextInt(8);
                int added = 3 + (int) Math.abs(random.nextGaussian() * 40);
                int size = sizes[file];
                String path = lang.path(file % 8);
                StringBuilder content = new StringBuilder();
                int keep = size == 0 ? 0 : Math.max(0, size - random.nextInt(Math.max(1, size / 5)));
                for (int k = 0; k < keep; k++) {
                    content.append(line(lang, file, k, 0));
                }
                for (int k = 0; k < added; k++) {
                    content.append(line(lang, file, keep + k, i));
                }
                sizes[file] = keep + added;
                git.write(path, content.toString());
                git.commit(message(random, i));

                if (extras && i == extraAt) {
                    extras(git, at.plusMinutes(5));
                }
            }
        }
    }

    private static String line(Lang lang, int file, int k, int generation) {
        return switch (lang.name()) {
            case "Documentation" -> "Line " + k + " of the guide, revision " + generation + ".\n";
            case "CSS" -> ".c" + file + "-" + k + " { margin: " + generation % 9 + "px; }\n";
            case "SQL" -> "INSERT INTO t" + file + " VALUES (" + k + ", " + generation + ");\n";
            case "YAML" -> "key" + k + ": value" + generation + "\n";
            case "HCL" -> "variable \"v" + k + "\" { default = " + generation + " }\n";
            default -> "value" + k + " = " + generation + " " + lang.comment() + " line " + k + "\n";
        };
    }

    private static final String[] CONVENTIONAL = {
        "feat: add the %s endpoint", "feat(api): support %s", "fix: handle an empty %s", "fix: %s off by one",
        "refactor: split %s", "test: cover %s", "docs: explain %s", "chore: tidy %s", "build: bump %s",
        "ci: cache %s", "perf: faster %s"
    };
    private static final String[] PLAIN = {"Update %s", "WIP on %s", "More work on %s"};
    private static final String[] THINGS = {"invoices", "reports", "login", "search", "exports", "billing", "queue"};

    private static String message(Random random, int i) {
        String thing = THINGS[random.nextInt(THINGS.length)];
        String[] forms = random.nextInt(4) == 0 ? PLAIN : CONVENTIONAL;
        return String.format(forms[random.nextInt(forms.length)], thing) + "\n\nThe " + MESSAGE_WORD + " notes, " + i
                + ".";
    }

    /** Tools, packages and the lines an honest count leaves out, in a few commits of their own. */
    private static void extras(GitRepoBuilder git, OffsetDateTime at) throws IOException {
        git.author("Ada", EMAIL).at(at);
        git.write("Dockerfile", "FROM eclipse-temurin:17-jre\nCOPY app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        git.write(".github/workflows/build.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
        git.write("charts/service/Chart.yaml", "apiVersion: v2\nname: service\nversion: 0.1.0\n");
        git.write("infra/module/main.tf", "resource \"null_resource\" \"x\" {}\n");
        git.commit("build: container image, chart, pipeline and module");

        git.at(at.plusMinutes(10));
        git.write("pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.example</groupId><artifactId>service</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.16</version></dependency>
                    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>2.18.0</version></dependency>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.11.0</version></dependency>
                  </dependencies>
                </project>
                """);
        git.write("web/package.json", """
                {"name": "web", "version": "1.0.0",
                 "dependencies": {"react": "^18.3.1", "react-dom": "^18.3.1", "echarts": "^5.5.0"},
                 "devDependencies": {"typescript": "^5.6.0", "vite": "^5.4.0"}}
                """);
        git.commit("build: declare the dependencies");

        git.at(at.plusMinutes(20));
        git.write("web/vendor/chart-lib.js", "var vendored = 1;\n".repeat(600));
        git.write("web/package-lock.json", "{\n" + "  \"x\": 1,\n".repeat(900) + "}\n");
        git.write("db/seed/data.sql", "INSERT INTO seed VALUES (1);\n".repeat(2600));
        git.commit("chore: vendor a chart library, lock file and seed data");

        git.at(at.plusMinutes(30));
        git.write("src/main/java/dev/example/Moved.java", "class Moved {\n" + "    int x = 1;\n".repeat(150) + "}\n");
        git.commit("feat: a class that will move");
        git.at(at.plusMinutes(40));
        git.rename("src/main/java/dev/example/Moved.java", "src/main/java/dev/example/core/Moved.java");
        git.commit("refactor: move it");
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
