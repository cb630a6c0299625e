package dev.commitstats.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code commitstats tokens}: a user's personal access tokens; prints usage without a subcommand. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = {"Add, list, check, replace or remove a user's personal access tokens.",
            "A token is read from the terminal without echo, or as one line of standard input, never from an argument. "
                    + "It is checked with its host, encrypted at rest (see 'commitstats keys') and never shown again."},
        subcommands = {TokensAddCommand.class, TokensListCommand.class, TokensCheckCommand.class,
            TokensReplaceCommand.class, TokensRemoveCommand.class})
final class TokensCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
