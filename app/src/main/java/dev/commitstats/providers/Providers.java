package dev.commitstats.providers;

import dev.commitstats.providers.azure.AzureDevOpsProvider;
import dev.commitstats.providers.bitbucket.BitbucketProvider;
import dev.commitstats.providers.git.GenericGitProvider;
import dev.commitstats.providers.gitea.GiteaProvider;
import dev.commitstats.providers.github.GitHubProvider;
import dev.commitstats.providers.gitlab.GitLabProvider;
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

    /** One provider per kind, each talking to its host through {@code http}. */
    public static Providers standard(ProviderHttp http) {
        return of(List.of(new GitHubProvider(http),
                new GitLabProvider(http),
                new AzureDevOpsProvider(http),
                new BitbucketProvider(http),
                new GiteaProvider(http),
                new GenericGitProvider()));
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
