package dev.commitstats.cli;

import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.tokens.TokenView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats tokens remove}: forgets a token and its encrypted secret. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a token: its encrypted secret is deleted from the database.")
final class TokensRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The token's name.")
    String name = "";

    @Override
    public Integer call() {
        String login = user.login();
        try (Features features = storage.open("tokens-remove")) {
            User owner = features.accounts().require(login);
            TokenView token = TokenLines.byName(features, owner, name);
            features.tokens().remove(owner.id(), token.id());
            spec.commandLine().getOut().printf("%s token '%s' removed%n", token.provider().id(), token.name());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
