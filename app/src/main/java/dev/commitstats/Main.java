package dev.commitstats;

import dev.commitstats.cli.CommitStatsCommand;

/** Entry point of the one executable jar: {@code commitstats serve | stats | collect | export}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = CommitStatsCommand.commandLine().execute(args);
        System.exit(exitCode);
    }
}
