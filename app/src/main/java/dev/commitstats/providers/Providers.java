package dev.commitstats.providers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The provider of each kind this instance speaks to. Immutable and thread-safe. */
public final class Providers {

    private final Map<ProviderKind, Provider> byKind;

    private Providers(Map<ProviderKind, Provider> byKind) {
        this.byKind = byKind;
    }

    /** The given providers, at most one per kind. */
    public static Providers of(List<Provider> providers) {
        Map<ProviderKind, Provider> m = new EnumMap<>(ProviderKind.class);
        for (Provider p : providers) {
            if (m.put(p.kind(), p) != null) {
                throw new IllegalArgumentException("two providers for " + p.kind().id());
            }
        }
        return new Providers(m);
    }

    /** The provider for {@code kind}. */
    public Provider provider(ProviderKind kind) {
        Provider p = byKind.get(kind);
        if (p == null) {
            throw new IllegalStateException("no provider for " + kind.id());
        }
        return p;
    }
}
