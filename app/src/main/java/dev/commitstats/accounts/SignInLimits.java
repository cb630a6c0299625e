package dev.commitstats.accounts;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in attempts per login and per client address (bucket4j token buckets that refill gradually over the
 * window), so that passwords and the setup code cannot be guessed at speed. Counted in memory: each instance counts
 * its own attempts, and a restart forgets them. Thread-safe.
 */
@Component
final class SignInLimits {

    /** beyond this many tracked logins or addresses, buckets that are full again are forgotten */
    private static final int TRACKED = 10_000;

    private final SignInSettings settings;
    private final Map<String, Bucket> logins = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    SignInLimits(SignInSettings settings) {
        this.settings = settings;
    }

    /** An attempt was refused: how long until the next one is allowed. */
    record Refused(Duration retryAfter) {
        /** Whole minutes, at least one, as the page says it. */
        long minutes() {
            return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        }
    }

    /**
     * Counts an attempt to sign in as {@code login} from {@code address}.
     *
     * @return null when it may go ahead, else how long to wait
     */
    @Nullable Refused attempt(String login, String address) {
        Refused byAddress = take(addresses, address, settings.attemptsPerAddress());
        if (byAddress != null) {
            return byAddress;
        }
        return take(logins, login.toLowerCase(Locale.ROOT), settings.attemptsPerLogin());
    }

    /** Counts an attempt from {@code address} that names no account (the setup code). */
    @Nullable Refused attempt(String address) {
        return take(addresses, address, settings.attemptsPerAddress());
    }

    private @Nullable Refused take(Map<String, Bucket> buckets, String key, int capacity) {
        if (buckets.size() > TRACKED) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity)
                        .refillGreedy(capacity, settings.attemptsWindow()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? null : new Refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
