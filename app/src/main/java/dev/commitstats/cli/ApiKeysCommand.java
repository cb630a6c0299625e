package dev.commitstats.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code commitstats api-keys}: a user's personal API keys; prints usage without a subcommand. */
@Command(name = "api-keys", mixinStandardHelpOptions = true,
        description = {"Create, list or revoke a user's personal API keys for the JSON API.",
            "A key is sent as 'Authorization: Bearer KEY'; it is printed once when created and stored only as a hash."},
        subcommands = {ApiKeysCreateCommand.class, ApiKeysListCommand.class, ApiKeysRevokeCommand.class})
final class ApiKeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
