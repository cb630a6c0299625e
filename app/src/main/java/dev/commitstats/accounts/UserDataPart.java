package dev.commitstats.accounts;

/**
 * A part of "download my data" ({@code GET /api/v1/me/export}) that a module contributes: what it keeps about the
 * user, as its owner may see it (never a secret: a token's or key's value stays out). The accounts module adds the
 * account itself; each module above it adds its own part without {@code accounts} depending on it.
 */
public interface UserDataPart {

    /** The part's key in the export document, e.g. {@code tokens}. */
    String name();

    /** The part's content for the user: records, lists and maps that serialize to JSON. */
    Object export(Caller caller);
}
