package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTests {

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CommitStatsCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: commitstats").contains("serve").contains("outliers");
    }

    @Test
    void versionIsPrinted() {
        Run r = run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("commitstats ");
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        Run r = run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: commitstats");
    }

    @Test
    void unknownCommandIsAShortUsageError() {
        Run r = run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'")
                .contains("Try 'commitstats --help'")
                .doesNotContain("Usage:");
    }

    @Test
    void unknownOptionIsAShortUsageError() {
        Run r = run("serve", "--no-such-option");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-option'").contains("Try 'commitstats serve --help'");
    }

    @Test
    void serveOnAnUnreachableDatabaseFailsWithOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        Run r = run("serve", "--port", "0", "--data-dir", tmp.toString(),
                "--database-url", "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("commitstats: cannot connect to the database jdbc:postgresql://127.0.0.1:1/nothing")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void serveOnAnUnsupportedDatabaseUrlFailsBeforeStartingAndKeepsThePasswordSecret(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        Run r = run("serve", "--port", "0", "--data-dir", tmp.resolve("data").toString(),
                "--database-url", "jdbc:mysql://db/x?password=hunter2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("commitstats: unsupported database URL jdbc:mysql://db/x?password=***")
                .doesNotContain("hunter2").doesNotContain("\n");
        assertThat(tmp.resolve("data")).doesNotExist(); // stopped before creating anything
    }

    @Test
    void badPortValueIsAUsageError() {
        Run r = run("serve", "--port", "eighty");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--port");
    }
}
