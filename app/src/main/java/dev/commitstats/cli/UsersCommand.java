package dev.commitstats.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code commitstats users}: accounts that sign in to the server; prints usage without a subcommand. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Create accounts, set their passwords, list them.",
            "A password is read from the terminal without echo, or as one line of standard input, never from an "
                    + "argument; it is stored as a bcrypt hash."},
        subcommands = {UsersCreateCommand.class, UsersPasswordCommand.class, UsersListCommand.class})
final class UsersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
