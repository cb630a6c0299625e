package dev.commitstats.tokens;

import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.Provider;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Provider} of our own interface that answers token checks from a map of secret to verdict, and "invalid"
 * for any other secret; it remembers the accounts it was asked about. The real providers are tested against WireMock.
 */
final class MapProvider implements Provider {

    private final ProviderKind kind;
    private final Map<String, TokenCheck> verdicts = new HashMap<>();
    final List<ProviderAccount> checked = new ArrayList<>();

    MapProvider(ProviderKind kind) {
        this.kind = kind;
    }

    /** The host will say {@code check} about {@code secret}. */
    MapProvider answer(String secret, TokenCheck check) {
        verdicts.put(secret, check);
        return this;
    }

    static TokenCheck valid(String login, String... scopes) {
        return new TokenCheck(TokenStatus.VALID, "valid for " + login, login, null, List.of(scopes), null, null);
    }

    @Override
    public ProviderKind kind() {
        return kind;
    }

    @Override
    public synchronized TokenCheck check(ProviderAccount account) {
        checked.add(account);
        return verdicts.getOrDefault(account.secret(), new TokenCheck(TokenStatus.INVALID,
                account.host() + " does not know this token", null, null, List.of(), null, null));
    }

    @Override
    public List<DiscoveredRepository> discover(ProviderAccount account) {
        return List.of();
    }

    @Override
    public List<String> verifiedEmails(ProviderAccount account) {
        return List.of();
    }

    @Override
    public List<DiscoveredRepository> contributions(ProviderAccount account) {
        return List.of();
    }
}
