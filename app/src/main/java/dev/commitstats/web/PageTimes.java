package dev.commitstats.web;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How the signed-in pages write a moment, for every module's templates: {@code ${@times.at(x)}} gives
 * {@code 2026-03-01 10:00 UTC} and {@code ${@times.ago(x)}} "5 minutes ago", for an {@link Instant} or an ISO-8601
 * string (as the JSON views hold them); "never" for null.
 */
@Component("times")
public final class PageTimes {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    PageTimes(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public String at(@Nullable Object moment) {
        Instant t = instant(moment);
        return t == null ? "never" : AT.format(t);
    }

    public String ago(@Nullable Object moment) {
        Instant t = instant(moment);
        if (t == null) {
            return "never";
        }
        long s = Duration.between(t, clock.instant()).getSeconds();
        if (s < 0) {
            return "just now";
        }
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86_400 * 2) {
            return s / 3600 + " h ago";
        }
        return s / 86_400 + " days ago";
    }

    /** Seconds or milliseconds as "1.2 s" / "340 ms". */
    public String took(@Nullable Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static @Nullable Instant instant(@Nullable Object moment) {
        if (moment instanceof Instant i) {
            return i;
        }
        if (moment instanceof CharSequence s && !s.isEmpty()) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
