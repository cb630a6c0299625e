package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.Account;
import dev.commitstats.accounts.ApiKeys;
import dev.commitstats.accounts.Caller;
import dev.commitstats.assembly.Features;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats api-keys create}: a new key, printed once on standard output. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a personal API key and print it once on standard output (the details go to standard "
                + "error, so KEY=$(commitstats api-keys create ...) captures the key alone)."})
final class ApiKeysCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Option(names = "--scopes", required = true, paramLabel = "SCOPES",
            description = "What the key may do, comma-separated: read, write, refresh, push.")
    String scopes = "";

    @Option(names = "--name", paramLabel = "NAME", description = "Your name for the key (default: API key).")
    String name = "";

    @Override
    public Integer call() {
        String login = user.login();
        try (Features features = storage.open("api-keys-create")) {
            Account owner = features.accountSecurity().require(login);
            ApiKeys.Created created = features.apiKeys().create(owner.id(), name, ApiKeys.parseScopes(scopes));
            PrintWriter err = spec.commandLine().getErr();
            err.printf("API key %d '%s' for %s, scopes %s. It is shown this once: keep it safe.%n",
                    created.key().id(), created.key().name(), login,
                    String.join(",", created.key().scopes().stream().sorted().map(Caller.Scope::id).toList()));
            err.flush();
            spec.commandLine().getOut().println(created.value());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
