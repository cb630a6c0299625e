package dev.commitstats.cv;

import dev.commitstats.collection.RepositoryCollected;
import dev.commitstats.collection.RepositoryRemoved;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the server: when a collection changed a user's numbers, their CVs that count the repository (the default one and
 * the named ones whose selection holds it) are rebuilt at once; when a repository was deleted, all of them.
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
        rebuild(event.userId(), snapshots.cvsToRebuild(event));
    }

    @EventListener
    void on(RepositoryRemoved event) {
        rebuild(event.userId(), snapshots.repositoryRemoved(event));
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
