package dev.commitstats.cv;

import dev.commitstats.collection.RepositoryCollected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the server: when a collection changed a user's numbers, their CVs that count the repository (the default one and
 * the named ones whose selection holds it) are rebuilt at once.
 */
@Component
class CvSnapshotRefresher {

    private static final Logger log = LoggerFactory.getLogger(CvSnapshotRefresher.class);

    private final CvSnapshots snapshots;

    CvSnapshotRefresher(CvSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @EventListener
    void on(RepositoryCollected event) {
        for (long cvId : snapshots.cvsToRebuild(event)) {
            try {
                snapshots.rebuild(event.userId(), cvId);
            } catch (RuntimeException e) {
                // the snapshot stays stale: the next read rebuilds it
                log.warn("cannot rebuild the CV snapshot {} of user {}: {}", cvId, event.userId(), e.toString());
            }
        }
    }
}
