package dev.commitstats.cli;

import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.tokens.NewToken;
import dev.commitstats.tokens.TokenView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code commitstats tokens add}: checks a new token with its host and saves it, valid or not. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a personal access token: read it from standard input, check it with its host, save it "
                + "encrypted and print its status.",
            "Creates the user if missing. The token is saved even when the host refuses it, so that its status shows "
                    + "why; exit code 0 when it is valid, 1 otherwise."})
final class TokensAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Option(names = "--provider", required = true, paramLabel = "KIND",
            description = "github, gitlab, azure-devops, bitbucket, gitea (also Forgejo) or git (any HTTPS git server).")
    String provider = "";

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Your name for the token, unique per user (at most 100 characters), e.g. work.")
    String name = "";

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The host's web address for a self-managed server (required for gitea and git), e.g. https://git.example.com.")
    String baseUrl;

    @Option(names = "--username", paramLabel = "NAME",
            description = "The account's user name, where the host needs one with the token (Bitbucket app passwords, git servers).")
    String username;

    @Override
    public Integer call() {
        String login = user.login();
        ProviderKind kind = ProviderKind.byId(provider).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown provider '" + provider + "': use one of " + ProviderKind.ids()));
        try (Features features = storage.open("tokens-add")) {
            User owner = features.accounts().findOrCreate(login);
            NewToken token = new NewToken(name, kind, baseUrl, username);
            features.tokens().validate(owner.id(), token); // before asking for a secret that would be refused
            String secret = SecretInput.read("Token for " + name.strip() + ": ");
            TokenView saved = features.tokens().add(owner.id(), token, secret);
            TokenLines.print(spec.commandLine().getOut(), saved, "saved");
            return TokenLines.exitCode(saved);
        }
    }
}
