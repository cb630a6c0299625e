package dev.commitstats.accounts;

import java.time.ZoneId;

/**
 * A Commit Stats account.
 *
 * @param id          the database id
 * @param login       the unique login
 * @param displayName the name shown on the CV; may be null
 * @param timeZone    the user's time zone, for "today" in streaks and key-metric windows
 * @param published   whether the CV is public
 */
public record User(long id, String login, String displayName, ZoneId timeZone, boolean published) {
}
