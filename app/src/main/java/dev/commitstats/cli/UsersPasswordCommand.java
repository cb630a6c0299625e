package dev.commitstats.cli;

import java.util.concurrent.Callable;

import dev.commitstats.accounts.Account;
import dev.commitstats.assembly.Features;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats users password}: a new password for an account. */
@Command(name = "password", mixinStandardHelpOptions = true,
        description = "Set a new password for an account, read from the terminal without echo or as one line of "
                + "standard input. Sessions already signed in stay signed in.")
final class UsersPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--login", required = true, paramLabel = "LOGIN", description = "The account's login.")
    String login = "";

    @Override
    public Integer call() {
        try (Features features = storage.open("users-password")) {
            Account account = features.accountSecurity().require(login);
            String password = SecretInput.read("New password for " + login + ": ", "password",
                    "printf '%s\\n' \"$PASSWORD\" | commitstats users password --login " + login);
            features.accountSecurity().setPassword(account.id(), password);
            spec.commandLine().getOut().printf("Password of '%s' changed.%n", account.login());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
