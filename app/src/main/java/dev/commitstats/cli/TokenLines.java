package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.providers.TokenStatus;
import dev.commitstats.tokens.TokenView;
import org.jspecify.annotations.Nullable;

/** What the {@code tokens} commands share: finding a token by name, and its status as one line. */
final class TokenLines {

    private static final DateTimeFormatter CHECKED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TokenLines() {
    }

    /**
     * The user's token of this name.
     *
     * @throws UseCaseException ({@code NOT_FOUND}) when they have none
     */
    static TokenView byName(Features features, User user, String name) {
        return features.tokens().byName(user.id(), name).orElseThrow(() -> new UseCaseException(
                UseCaseException.Kind.NOT_FOUND, "user '" + user.login() + "' has no token named '" + name.strip()
                        + "': see commitstats tokens list --user " + user.login()));
    }

    /** "valid for octocat", "invalid: github.com refused the token", "expired on 2026-05-01". */
    static String status(TokenView t) {
        String label = t.status().id().replace('_', ' ');
        return t.message().toLowerCase(Locale.ROOT).startsWith(label) ? t.message()
                : label + ": " + t.message();
    }

    /** "github token 'work' saved: valid for octocat", and the check's warning on a line of its own. */
    static void print(PrintWriter out, TokenView t, String what) {
        out.printf("%s token '%s' %s: %s%n", t.provider().id(), t.name(), what, status(t));
        if (t.warning() != null) {
            out.println("  warning: " + t.warning());
        }
        out.flush();
    }

    /** Exit code 0 for a valid token, 1 for any other verdict (the token is kept all the same). */
    static int exitCode(TokenView t) {
        return t.status() == TokenStatus.VALID ? 0 : 1;
    }

    static String checked(@Nullable Instant at) {
        return at == null ? "never" : CHECKED.format(at);
    }
}
