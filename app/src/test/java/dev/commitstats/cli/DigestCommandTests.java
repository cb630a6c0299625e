package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commitstats.digest.IsoWeek;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@code commitstats digest} previews the digest without a server, on both databases. */
class DigestCommandTests {

    private static CommandLineTests.Run digest(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of("digest"));
        all.addAll(List.of(db.cliOptions()));
        all.addAll(List.of(args));
        return CommandLineTests.run(all.toArray(String[]::new));
    }

    @DatabaseTest
    void thePreviewPrintsTextJsonAndHtml(TestDatabase db) {
        DigestServerTests.ada(db);
        String week = IsoWeek.of(LocalDate.now(ZoneOffset.UTC)).previous().toString();
        CommandLineTests.Run text = digest(db, "--user", "ada");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("(" + week + ")").contains("- You committed 3 times on 3 of 7 days")
                .contains("a private repository in Java").doesNotContain("secret-app");
        CommandLineTests.Run json = digest(db, "--user", "ada", "--week", week, "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"week\" : \"" + week + "\"").contains("\"commits\" : 3");
        CommandLineTests.Run html = digest(db, "--user", "ada", "--format", "html");
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script");
    }

    @DatabaseTest
    void anUnknownUserOrABadWeekIsOneLineAndExit1(TestDatabase db) {
        DigestServerTests.ada(db);
        CommandLineTests.Run unknown = digest(db, "--user", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(1);
        CommandLineTests.Run bad = digest(db, "--user", "ada", "--week", "2026-47");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("not an ISO week: '2026-47' (write it like 2026-W47)");
        CommandLineTests.Run format = digest(db, "--user", "ada", "--format", "csv");
        assertThat(format.exitCode()).isEqualTo(2);
    }
}
