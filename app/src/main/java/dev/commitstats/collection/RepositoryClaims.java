package dev.commitstats.collection;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One collection per repository at a time, across threads, processes and instances sharing a database. A collection
 * claims its repository with one conditional statement (insert a row, or take over one whose lease has expired),
 * renews the lease every third of its length while it runs, and releases the claim when it ends, whatever the outcome.
 * A killed process cannot release its claim; the lease then runs out and the next collection takes over. Owns the
 * {@code collection_claims} table. Thread-safe.
 */
final class RepositoryClaims implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RepositoryClaims.class);

    private static final String CLAIM = """
            INSERT INTO collection_claims (repository_id, holder, expires_at) VALUES (:id, :holder, :expires)
            ON CONFLICT (repository_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE collection_claims.expires_at < :now""";
    private static final String RENEW = """
            UPDATE collection_claims SET expires_at = :expires WHERE repository_id = :id AND holder = :holder""";
    private static final String RELEASE = "DELETE FROM collection_claims WHERE repository_id = :id AND holder = :holder";

    /** How often a waiting collection tries again. */
    private static final Duration POLL = Duration.ofMillis(250);

    /**
     * Names this process in the claims it holds, for people reading the table: pid, host (when the environment says,
     * without a name lookup: that costs a command's start-up) and a random part.
     */
    private static final String PROCESS = ProcessHandle.current().pid() + "@"
            + System.getenv().getOrDefault("HOSTNAME", "localhost") + "/" + randomPart();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledExecutorService renewals;

    RepositoryClaims(DataSource dataSource, Clock clock, Duration lease) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.lease = lease;
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "commitstats-claim-renewal");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Claims the repository, waiting up to {@code wait} for another collection of it to end.
     *
     * @param whileWaiting told once when the repository is found busy, before waiting
     * @return the claim, or empty when the repository was still claimed by someone else after {@code wait}
     */
    Optional<Claim> claim(long repositoryId, Duration wait, Runnable whileWaiting) throws InterruptedException {
        String holder = PROCESS + "/" + Thread.currentThread().getName() + "/" + randomPart();
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            if (tryClaim(repositoryId, holder)) {
                return Optional.of(new Claim(repositoryId, holder));
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            if (!told) {
                whileWaiting.run();
                told = true;
            }
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    /** Eight hex digits; uniqueness, not secrecy (SecureRandom would cost a command's start-up). */
    private static String randomPart() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    private boolean tryClaim(long repositoryId, String holder) {
        long now = clock.instant().getEpochSecond();
        return jdbc.sql(CLAIM).param("id", repositoryId).param("holder", holder)
                .param("expires", now + lease.toSeconds()).param("now", now).update() == 1;
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }

    /** A held claim: renewed in the background until {@link #close()} releases it. */
    final class Claim implements AutoCloseable {
        private final long repositoryId;
        private final String holder;
        private final AtomicBoolean lost = new AtomicBoolean();
        private final ScheduledFuture<?> renewal;

        private Claim(long repositoryId, String holder) {
            this.repositoryId = repositoryId;
            this.holder = holder;
            long every = Math.max(1, lease.toMillis() / 3);
            this.renewal = renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private void renew() {
            try {
                long expires = clock.instant().getEpochSecond() + lease.toSeconds();
                int n = jdbc.sql(RENEW).param("expires", expires).param("id", repositoryId).param("holder", holder)
                        .update();
                if (n == 0 && lost.compareAndSet(false, true)) {
                    log.warn("repository {}: the collection claim expired and was taken over", repositoryId);
                }
            } catch (RuntimeException e) {
                // a busy database: the next renewal tries again, well before the lease runs out
                log.warn("repository {}: cannot renew the collection claim: {}", repositoryId, e.toString());
            }
        }

        /** False once another collection took the repository over (this one's lease ran out unrenewed). */
        boolean held() {
            return !lost.get();
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                jdbc.sql(RELEASE).param("id", repositoryId).param("holder", holder).update();
            } catch (RuntimeException e) {
                // the lease runs out by itself
                log.warn("repository {}: cannot release the collection claim: {}", repositoryId, e.toString());
            }
        }
    }
}
