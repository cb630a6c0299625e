package dev.commitstats.collection;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserDataPart;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "Download my data": the user's repositories (as the JSON API shows them) and their collection runs. */
@Component
@Order(20)
class CollectionDataPart implements UserDataPart {

    private final RepositoryRegistry registry;
    private final CollectionService collection;

    CollectionDataPart(RepositoryRegistry registry, CollectionService collection) {
        this.registry = registry;
        this.collection = collection;
    }

    @Override
    public String name() {
        return "collection";
    }

    @Override
    public Object export(Caller caller) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("repositories", registry.repositories(caller.userId()).stream().map(RepositoryView::of).toList());
        part.put("runs", collection.runs().runs(caller.userId(), null, Integer.MAX_VALUE));
        return part;
    }
}
