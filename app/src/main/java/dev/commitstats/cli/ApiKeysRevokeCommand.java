package dev.commitstats.cli;

import java.util.concurrent.Callable;

import dev.commitstats.accounts.ApiKey;
import dev.commitstats.assembly.Features;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code commitstats api-keys revoke}: a key stops working at once. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke one of a user's API keys (its ID from 'api-keys list'); requests with it get 401.")
final class ApiKeysRevokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Parameters(index = "0", paramLabel = "ID", description = "The key's id.")
    long id;

    @Override
    public Integer call() {
        String login = user.login();
        try (Features features = storage.open("api-keys-revoke")) {
            ApiKey key = features.apiKeys().revoke(features.accountSecurity().require(login).id(), id);
            spec.commandLine().getOut().printf("API key %d '%s' of %s revoked.%n", key.id(), key.name(), login);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
