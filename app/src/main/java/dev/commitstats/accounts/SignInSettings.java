package dev.commitstats.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in is limited, {@code commitstats.sign-in.*} (environment {@code COMMITSTATS_SIGN_IN_*}); the README lists
 * them. Limits are counted in memory, per instance.
 *
 * @param attemptsPerLogin   sign-in attempts (right or wrong) per login within {@code attemptsWindow}
 * @param attemptsPerAddress sign-in and setup attempts per client address within {@code attemptsWindow}
 * @param attemptsWindow     the window the attempts are counted in; they come back gradually over it
 */
@ConfigurationProperties("commitstats.sign-in")
public record SignInSettings(
        @DefaultValue("10") int attemptsPerLogin,
        @DefaultValue("30") int attemptsPerAddress,
        @DefaultValue("15m") Duration attemptsWindow) {

    public SignInSettings {
        if (attemptsPerLogin < 1 || attemptsPerAddress < 1) {
            throw new IllegalArgumentException("commitstats.sign-in.attempts-per-login and -per-address must be at "
                    + "least 1");
        }
        if (attemptsWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("commitstats.sign-in.attempts-window must be at least 1s");
        }
    }
}
