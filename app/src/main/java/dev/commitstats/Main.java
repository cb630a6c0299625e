package dev.commitstats;

import ch.qos.logback.classic.Level;
import dev.commitstats.cli.CommitStatsCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of the one executable jar: {@code commitstats serve | stats | collect | outliers | export}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        int exitCode = CommitStatsCommand.commandLine().execute(args);
        System.exit(exitCode);
    }

    /**
     * Outside the server, libraries (the connection pool, Flyway, JGit) would log at INFO on the user's terminal;
     * commands print what matters themselves. {@code serve} reconfigures logging through Spring Boot.
     */
    private static void quietLibraryLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
