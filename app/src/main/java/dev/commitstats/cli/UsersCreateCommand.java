package dev.commitstats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.Account;
import dev.commitstats.accounts.NewAccount;
import dev.commitstats.assembly.Features;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats users create}: an account that signs in with a password, or later with OAuth. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an account. Its password is read from the terminal without echo, or as one line of "
                + "standard input (printf '%s\\n' \"$PASSWORD\" | commitstats users create --login LOGIN).",
            "With --no-password the account has none: it signs in with GitHub, GitLab or OpenID Connect once enabled."})
final class UsersCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--login", required = true, paramLabel = "LOGIN",
            description = "The account's login: letters, digits, '.', '_' and '-'; its CV will be at /cv/LOGIN.")
    String login = "";

    @Option(names = "--email", paramLabel = "EMAIL",
            description = "A commit email of the account (repeatable); its commits count as theirs.")
    List<String> emails = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "The name shown on the CV (default: the login).")
    String name;

    @Option(names = "--admin", description = "Make the account an administrator of this instance.")
    boolean admin;

    @Option(names = "--no-password", description = "Create the account without a password (OAuth sign-in later).")
    boolean noPassword;

    @Override
    public Integer call() {
        try (Features features = storage.open("users-create")) {
            String password = noPassword ? null
                    : SecretInput.read("Password for " + login + ": ", "password",
                            "printf '%s\\n' \"$PASSWORD\" | commitstats users create --login " + login);
            Account account = features.accountSecurity().create(
                    new NewAccount(login, name, emails, admin, null), password);
            spec.commandLine().getOut().printf("User '%s' created%s%s.%n", account.login(),
                    account.admin() ? " (administrator)" : "",
                    account.hasPassword() ? "" : " without a password: it signs in with OAuth");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
