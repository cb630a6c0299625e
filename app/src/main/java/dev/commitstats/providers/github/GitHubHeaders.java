package dev.commitstats.providers.github;

import dev.commitstats.providers.ProviderHttp.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What GitHub says about a token in response headers rather than bodies: the scopes of a classic token ({@code
 * X-OAuth-Scopes}), when the token expires ({@code GitHub-Authentication-Token-Expiration}) and whether an
 * organisation wants SAML single sign-on authorisation first ({@code X-GitHub-SSO}).
 */
final class GitHubHeaders {

    /** Classic scopes that can change something; {@code write:*}, {@code admin:*} are matched by prefix. */
    private static final List<String> WRITE_SCOPES = List.of("repo", "public_repo", "delete_repo", "workflow");

    // "2026-05-01 12:00:00 UTC" as documented; an offset instead of a zone name is accepted too
    private static final List<DateTimeFormatter> EXPIRATION_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX", Locale.ROOT));

    // "required; url=https://github.com/orgs/ORG/sso?authorization_request=...": url= as a directive of its own,
    // not the tail of partial_results_url=
    private static final Pattern SSO_URL = Pattern.compile("(?:^|[;,\\s])url=([^;,\\s]+)");

    private GitHubHeaders() {
    }

    /** The classic token's scopes; empty for fine-grained tokens, which have permissions instead and no header. */
    static List<String> scopes(Response r) {
        return r.header("X-OAuth-Scopes")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Whether the response carried {@code X-OAuth-Scopes}, i.e. the token is a classic one. */
    static boolean classic(Response r) {
        return r.header("X-OAuth-Scopes").isPresent();
    }

    /** The scopes among {@code scopes} that let the token write, in the order given. */
    static List<String> writeScopes(List<String> scopes) {
        return scopes.stream()
                .filter(s -> WRITE_SCOPES.contains(s) || s.startsWith("write:") || s.startsWith("admin:"))
                .toList();
    }

    /** When the token expires, if GitHub said (tokens without an expiry date get no header). */
    static Optional<Instant> expiration(Response r) {
        Optional<String> value = r.header("GitHub-Authentication-Token-Expiration");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().strip();
        for (DateTimeFormatter f : EXPIRATION_FORMATS) {
            try {
                return Optional.of(ZonedDateTime.parse(v, f).toInstant());
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return Optional.empty();
    }

    /**
     * The message for a refusal because an organisation wants the token authorised for its SAML single sign-on, if
     * that is why {@code r} is a 403. It names the host of the authorisation page, not the URL: that carries a
     * one-hour authorisation request that does not belong in a stored status.
     */
    static Optional<String> ssoRefusal(Response r, String name) {
        if (r.status() != 403) {
            return Optional.empty();
        }
        Optional<String> sso = r.header("X-GitHub-SSO");
        if (sso.isEmpty() || !sso.get().strip().toLowerCase(Locale.ROOT).startsWith("required")) {
            return Optional.empty();
        }
        String where = "";
        Matcher m = SSO_URL.matcher(sso.get());
        if (m.find()) {
            try {
                String host = URI.create(m.group(1)).getHost();
                where = host == null ? "" : " (authorise the token at " + host.toLowerCase(Locale.ROOT) + ")";
            } catch (IllegalArgumentException e) {
                // an unreadable URL: still an SSO refusal, just without the host
            }
        }
        return Optional.of(name + ": the organisation requires SSO authorisation" + where);
    }
}
