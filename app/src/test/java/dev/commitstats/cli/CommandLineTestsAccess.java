package dev.commitstats.cli;

import java.util.ArrayList;
import java.util.List;

import dev.commitstats.testing.TestDatabase;

/** Runs a command in-process against a test database, for tests outside this package. */
public final class CommandLineTestsAccess {

    /** Exit code and captured output of one run. */
    public record Run(int exitCode, String out, String err) {}

    private CommandLineTestsAccess() {
    }

    /** {@code commitstats COMMAND <database options> ARGS...} */
    public static Run run(TestDatabase db, String command, String... args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(List.of(db.cliOptions()));
        all.addAll(List.of(args));
        CommandLineTests.Run r = CommandLineTests.run(all.toArray(String[]::new));
        return new Run(r.exitCode(), r.out(), r.err());
    }
}
