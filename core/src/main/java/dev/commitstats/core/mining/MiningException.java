package dev.commitstats.core.mining;

/**
 * Mining failed for a reason the user can act on: not a git repository, an unknown revision, a corrupt or missing
 * object. The message is one readable line.
 */
public final class MiningException extends Exception {
    public MiningException(String message) {
        super(message);
    }

    public MiningException(String message, Throwable cause) {
        super(message, cause);
    }
}
