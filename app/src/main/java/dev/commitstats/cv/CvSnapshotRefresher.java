package dev.commitstats.cv;

import dev.commitstats.collection.RepositoryCollected;
import dev.commitstats.collection.RepositoryRemoved;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the server: when a collection changed a user's numbers, their CVs that count the repository (the default one and
 * the named ones whose selection holds it) are rebuilt at once; when a repository was deleted, all of them. Each
 * rebuild is the observation {@value #REBUILD} (a timer on {@code /actuator/prometheus}; with tracing on, a span in the
 * trace of the collection that published the event, whose thread runs this listener).
 */
@Component
class CvSnapshotRefresher {

    /** The name of the observation of one event's rebuilds. */
    static final String REBUILD = "commitstats.cv.rebuild";

    private static final Logger log = LoggerFactory.getLogger(CvSnapshotRefresher.class);

    private final CvSnapshots snapshots;
    private final ObservationRegistry observations;

    CvSnapshotRefresher(CvSnapshots snapshots, ObjectProvider<ObservationRegistry> observations) {
        this.snapshots = snapshots;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    @EventListener
    void on(RepositoryCollected event) {
        observe("collected", event.userId(), () -> snapshots.cvsToRebuild(event));
    }

    @EventListener
    void on(RepositoryRemoved event) {
        observe("removed", event.userId(), () -> snapshots.repositoryRemoved(event));
    }

    private void observe(String cause, long userId, Supplier<List<Long>> stale) {
        Observation observation = Observation.createNotStarted(REBUILD, observations)
                .lowCardinalityKeyValue("cause", cause)
                .highCardinalityKeyValue("commitstats.user.id", Long.toString(userId));
        observation.observe(() -> {
            List<Long> cvs = stale.get();
            observation.highCardinalityKeyValue("commitstats.cvs", Integer.toString(cvs.size()));
            rebuild(userId, cvs);
        });
    }

    private void rebuild(long userId, List<Long> cvs) {
        for (long cvId : cvs) {
            try {
                snapshots.rebuild(userId, cvId);
            } catch (RuntimeException e) {
                // the snapshot stays stale: the next read rebuilds it
                log.warn("cannot rebuild the CV snapshot {} of user {}: {}", cvId, userId, e.toString());
            }
        }
    }
}
