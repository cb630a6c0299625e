package dev.commitstats.providers.bitbucket;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The scopes Bitbucket reports for a credential in its {@code X-OAuth-Scopes} header (app passwords and access tokens:
 * {@code repository:write, account}; API tokens: {@code read:repository:bitbucket}), and which of them can change
 * something. Commit Stats only reads, so any of those earns a warning.
 */
final class BitbucketScopes {

    /** Legacy scopes that can change something without saying so in their name. */
    private static final Set<String> WRITING = Set.of("admin", "webhook", "wiki", "pipeline:variable");

    private BitbucketScopes() {
    }

    /** The scopes of a comma- or space-separated header value; empty when there is none. */
    static List<String> parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /**
     * Whether one of the scopes reads repositories: {@code repository} and the levels above it, or an API token's
     * {@code read:repository:bitbucket} and its kin. A name this does not know only costs the caller a confirming call.
     */
    static boolean readRepositories(List<String> scopes) {
        return scopes.stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(s -> s.equals("repository")
                || s.startsWith("repository:") || s.matches("[a-z]+:repository:bitbucket"));
    }

    /** The scopes that write, administer or delete, in their given order. */
    static List<String> writing(List<String> scopes) {
        return scopes.stream().filter(BitbucketScopes::writes).toList();
    }

    /** "this token can write (repository:write): a read-only one (Repositories: Read) is enough", or null. */
    static @Nullable String warning(List<String> scopes) {
        List<String> writing = writing(scopes);
        return writing.isEmpty() ? null : "this token can write (" + String.join(", ", writing)
                + "): a read-only one (Repositories: Read) is enough";
    }

    private static boolean writes(String scope) {
        String s = scope.toLowerCase(Locale.ROOT);
        // legacy scopes end in their level (repository:admin), API-token ones begin with it (write:repository:...)
        return WRITING.contains(s) || s.endsWith(":write") || s.endsWith(":admin") || s.endsWith(":delete")
                || s.startsWith("write:") || s.startsWith("admin:") || s.startsWith("delete:");
    }
}
