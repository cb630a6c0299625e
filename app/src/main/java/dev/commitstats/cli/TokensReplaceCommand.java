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

/** {@code commitstats tokens replace}: a new secret for a token, keeping its repositories and their facts. */
@Command(name = "replace", mixinStandardHelpOptions = true,
        description = {"Replace a token's secret (read from standard input), e.g. after it expired; check it and print "
                + "its status.",
            "The token keeps its name, its repositories and their collected facts. Exit code 0 when the new secret is "
                    + "valid, 1 otherwise (it is saved all the same)."})
final class TokensReplaceCommand implements Callable<Integer> {

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
        try (Features features = storage.open("tokens-replace")) {
            User owner = features.accounts().require(login);
            TokenView token = TokenLines.byName(features, owner, name);
            String secret = SecretInput.read("Token for " + token.name() + ": ");
            TokenView replaced = features.tokens().replaceSecret(owner.id(), token.id(), secret);
            TokenLines.print(spec.commandLine().getOut(), replaced, "replaced");
            return TokenLines.exitCode(replaced);
        }
    }
}
