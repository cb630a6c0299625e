package dev.commitstats.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.commitstats.testing.TestDatabase;

/**
 * Runs {@code tokens} and {@code keys} subcommands in-process against a test database, with what standard input
 * holds. The database options go after the subcommand ({@code tokens add --data-dir ...}), where picocli expects them.
 */
final class TokenCommands {

    private TokenCommands() {
    }

    /** {@code commitstats GROUP SUBCOMMAND <database options> ARGS...} with {@code stdin} as standard input. */
    static CommandLineTests.Run run(TestDatabase db, String stdin, String group, String subcommand, String... args) {
        List<String> all = new ArrayList<>(List.of(group, subcommand));
        all.addAll(List.of(db.cliOptions()));
        all.addAll(List.of(args));
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CommandLineTests.run(all.toArray(String[]::new));
        } finally {
            System.setIn(saved);
        }
    }

    static CommandLineTests.Run tokens(TestDatabase db, String subcommand, String... args) {
        return run(db, "", "tokens", subcommand, args);
    }

    /** {@code tokens add} of a Gitea token on a host that never resolves: saved as unreachable, exit code 1. */
    static CommandLineTests.Run add(TestDatabase db, String login, String name, String secret) {
        return run(db, secret + "\n", "tokens", "add", "--user", login, "--provider", "gitea", "--name", name,
                "--base-url", "https://gitea.invalid");
    }
}
