package dev.commitstats.providers.gitea;

import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells users from organisations, which Gitea's repository {@code owner} object does not (it has no type field in
 * any version): the account's own login is a user; any other owner is looked up once with {@code GET /orgs/{name}},
 * an organisation when that answers 200 and a user when it answers 404. When the token may not read organisations
 * ({@code read:organization} missing: 403) the owner is taken for an organisation, the likelier case for a
 * repository the account does not own. One instance per discovery; not thread-safe.
 */
final class GiteaOwners {

    private final GiteaApi api;
    private final String login;
    private final Map<String, OwnerKind> known = new HashMap<>();

    GiteaOwners(GiteaApi api, String login) {
        this.api = api;
        this.login = login;
    }

    OwnerKind kind(String owner) throws ProviderException {
        if (owner.equalsIgnoreCase(login)) {
            return OwnerKind.USER;
        }
        String key = owner.toLowerCase(Locale.ROOT);
        OwnerKind kind = known.get(key);
        if (kind == null) {
            kind = lookUp(owner);
            known.put(key, kind);
        }
        return kind;
    }

    private OwnerKind lookUp(String owner) throws ProviderException {
        // Gitea's user and organisation names are letters, digits, '-', '_' and '.': nothing to escape
        if (!owner.matches("[A-Za-z0-9._-]+")) {
            return OwnerKind.ORGANISATION;
        }
        ProviderHttp.Response r = api.get("/orgs/" + owner);
        return r.status() == 404 ? OwnerKind.USER : OwnerKind.ORGANISATION;
    }
}
