package dev.commitstats.collection;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitstats.assembly.Features;
import dev.commitstats.cv.CvSettings;
import dev.commitstats.testing.TestDatabase;

/** The features over a test database, with the collection settings a test needs and the events it published. */
final class CollectionFixture implements AutoCloseable {

    final List<Object> events = new CopyOnWriteArrayList<>();
    final Features features;

    CollectionFixture(TestDatabase db, CollectionSettings settings) {
        this.features = Features.on(db.dataSource(), db.properties(), settings, CvSettings.defaults(), Clock.systemUTC(), events::add,
                RepositoryCredentials.NONE);
    }

    CollectionService service() {
        return features.collection();
    }

    @Override
    public void close() {
        features.close();
    }
}
