package dev.commitstats.collection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitstats.assembly.Features;
import dev.commitstats.cv.CvSettings;
import dev.commitstats.providers.ProvidersSettings;
import dev.commitstats.testing.TestDatabase;
import dev.commitstats.tokens.TokensSettings;

/** The features over a test database, with the collection settings a test needs and the events it published. */
final class CollectionFixture implements AutoCloseable {

    final List<Object> events = new CopyOnWriteArrayList<>();
    final Features features;

    /** Without credentials, and with an outbound policy that allows no internal host. */
    CollectionFixture(TestDatabase db, CollectionSettings settings) {
        this(db, settings, List.of(), RepositoryCredentials.NONE);
    }

    /**
     * @param allowedHosts the outbound policy's allow-list ({@code 127.0.0.1:PORT} for a local test server)
     * @param credentials  the owners' tokens, as the tokens module would hand them out
     */
    CollectionFixture(TestDatabase db, CollectionSettings settings, List<String> allowedHosts,
            RepositoryCredentials credentials) {
        this.features = Features.on(db.dataSource(), db.properties(), settings, CvSettings.defaults(),
                new ProvidersSettings(allowedHosts, Duration.ofMinutes(1)), TokensSettings.defaults(), Clock.systemUTC(),
                events::add, credentials);
    }

    CollectionService service() {
        return features.collection();
    }

    @Override
    public void close() {
        features.close();
    }
}
