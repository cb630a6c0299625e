package dev.commitstats.tokens;

/**
 * Published after a token's secret was replaced (and the new one checked): the repositories that failed because of
 * the old secret can be tried again.
 *
 * @param userId  the token's owner
 * @param tokenId the token, whose id stays the same
 */
public record TokenReplaced(long userId, long tokenId) {
}
