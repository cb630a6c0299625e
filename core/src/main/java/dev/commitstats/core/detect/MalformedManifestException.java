package dev.commitstats.core.detect;

/** Thrown by the hand-written parsers on input they cannot read; cheap (no stack trace), never escapes the package. */
final class MalformedManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedManifestException(String message) {
        super(message, null, false, false);
    }
}
