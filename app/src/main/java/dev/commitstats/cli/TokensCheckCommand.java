package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.providers.TokenStatus;
import dev.commitstats.tokens.TokenCipher;
import dev.commitstats.tokens.TokenView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats tokens check}: asks the hosts about a user's tokens again and saves their statuses. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a user's tokens with their hosts again and print each status.",
            "Exit code 0 when every checked token is valid, 1 otherwise."})
final class TokensCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Option(names = "--name", paramLabel = "NAME", description = "Check only this token (default: all of the user's).")
    String name;

    @Override
    public Integer call() {
        String login = user.login();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Features features = storage.open("tokens-check")) {
            User owner = features.accounts().require(login);
            List<TokenView> tokens = name == null ? features.tokens().list(owner.id())
                    : List.of(TokenLines.byName(features, owner, name));
            if (tokens.isEmpty()) {
                out.printf("User '%s' has no tokens.%n", login);
                out.flush();
                return 0;
            }
            boolean allValid = true;
            for (TokenView t : tokens) {
                try {
                    TokenView checked = features.tokens().check(owner.id(), t.id());
                    TokenLines.print(out, checked, "checked");
                    allValid &= checked.status() == TokenStatus.VALID;
                } catch (TokenCipher.CipherException e) {
                    // one token this instance cannot read does not stop the others
                    err.printf("commitstats: %s token '%s': %s%n", t.provider().id(), t.name(), e.getMessage());
                    err.flush();
                    allValid = false;
                }
            }
            return allValid ? 0 : 1;
        }
    }
}
