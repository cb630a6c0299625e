package dev.commitstats.accounts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a sign-in provider tells about its user, and all that Commit Stats keeps of it: the provider's stable id of the
 * user, a username to derive the login from, the profile name, the avatar's address and the emails the provider
 * verified. ("Only your e-mail addresses and profile name are used.") The provider's access token is not part of it:
 * it is dropped once these are read.
 *
 * @param registrationId the configured provider: {@code github}, {@code gitlab} or {@code oidc}
 * @param subject        the provider's stable id of the user (GitHub's numeric id, OIDC's {@code sub})
 * @param username       the provider's username (GitHub's {@code login}, OIDC's {@code preferred_username}), or null
 * @param name           the profile name, or null
 * @param avatarUrl      the avatar picture's address, or null
 * @param verifiedEmails the emails the provider verified belong to the user (unverified ones are left out)
 */
record ProviderProfile(String registrationId, String subject, @Nullable String username, @Nullable String name,
        @Nullable String avatarUrl, List<String> verifiedEmails) {

    ProviderProfile {
        if (registrationId.isBlank() || subject.isBlank()) {
            throw new IllegalArgumentException("a provider profile needs the provider and the user's subject");
        }
        verifiedEmails = List.copyOf(verifiedEmails);
    }
}
