package dev.commitstats.collection;

import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.RepositoryStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.jspecify.annotations.Nullable;

/**
 * The instance's collection status for {@code /status} and {@code /api/v1/status}: health, jobs enqueued, running and
 * failed (from JobRunr's storage), the last completed periodic delta, and how many repositories are in each collect
 * status. Counts only: no user, repository name or message. Thread-safe.
 */
public final class CollectionStatus {

    /**
     * The status.
     *
     * @param healthy            whether the database and the job storage answered
     * @param checkedAt          when this was read
     * @param jobServers         job servers (instances) alive
     * @param jobsEnqueued       jobs waiting for a worker
     * @param jobsScheduled      jobs waiting for their time (retries, follow-ups)
     * @param jobsRunning        jobs running now
     * @param jobsFailed         jobs that failed after their retries
     * @param interval           the periodic delta's interval, or null when off
     * @param lastDeltaStartedAt when the last periodic delta started, or null
     * @param lastDeltaFinishedAt when the last completed one finished, or null
     * @param lastDeltaEnqueued  collections it enqueued
     * @param repositories       repositories of all users by collect status ({@code pending}, {@code collecting},
     *                           {@code up_to_date}, {@code error})
     */
    public record Status(boolean healthy, Instant checkedAt, long jobServers, long jobsEnqueued, long jobsScheduled,
            long jobsRunning, long jobsFailed, @Nullable Duration interval, @Nullable Instant lastDeltaStartedAt,
            @Nullable Instant lastDeltaFinishedAt, int lastDeltaEnqueued, Map<String, Long> repositories) {
    }

    private final StorageProvider storage;
    private final RepositoryRegistry registry;
    private final ScheduledRuns scheduledRuns;
    private final BackgroundCollectionSettings settings;
    private final Clock clock;

    CollectionStatus(StorageProvider storage, RepositoryRegistry registry, ScheduledRuns scheduledRuns,
            BackgroundCollectionSettings settings, Clock clock) {
        this.storage = storage;
        this.registry = registry;
        this.scheduledRuns = scheduledRuns;
        this.settings = settings;
        this.clock = clock;
    }

    public Status status() {
        Instant now = clock.instant();
        Duration interval = settings.scheduled() ? settings.interval() : null;
        try {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            Map<RepositoryStatus, Long> counts = registry.countByStatus();
            for (RepositoryStatus s : RepositoryStatus.values()) {
                byStatus.put(s.dbName(), counts.getOrDefault(s, 0L));
            }
            ScheduledRuns.Last last = scheduledRuns.last().orElse(null);
            return new Status(true, now, storage.getBackgroundJobServers().size(),
                    storage.countJobs(StateName.ENQUEUED), storage.countJobs(StateName.SCHEDULED),
                    storage.countJobs(StateName.PROCESSING), storage.countJobs(StateName.FAILED), interval,
                    last == null ? null : last.startedAt(), last == null ? null : last.finishedAt(),
                    last == null ? 0 : last.enqueued(), byStatus);
        } catch (RuntimeException e) {
            return new Status(false, now, 0, 0, 0, 0, 0, interval, null, null, 0, Map.of());
        }
    }
}
