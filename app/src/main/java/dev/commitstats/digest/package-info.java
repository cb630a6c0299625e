/**
 * The weekly digest: a user's ISO week against the 13 weeks before, in short sentences and SVG sparklines
 * ({@link dev.commitstats.digest.WeeklyDigests}), at {@code /user/digest}, as JSON, by e-mail to those who opted in
 * ({@link dev.commitstats.digest.DigestMail}, at most once per user and week) and from {@code commitstats digest}.
 * Owns the {@code digest_preferences} and {@code digest_deliveries} tables.
 */
@NullMarked
@ApplicationModule(displayName = "Weekly digest",
        allowedDependencies = {"config", "accounts", "repos", "stats", "stats::export", "cv", "tokens"})
package dev.commitstats.digest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
