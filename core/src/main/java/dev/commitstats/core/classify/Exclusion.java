package dev.commitstats.core.classify;

/** Why a file is excluded from language statistics, if it is. Vendored wins over generated. */
public enum Exclusion {
    /** Counted normally. */
    NONE("none"),
    /** Third-party code copied into the repository (Linguist's vendor.yml). */
    VENDORED("vendored"),
    /** Produced by a tool: lock files, minified bundles, protobuf output, "DO NOT EDIT" headers. */
    GENERATED("generated");

    private final String jsonName;

    Exclusion(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * Name used in JSON documents.
     *
     * @return {@code "none"}, {@code "vendored"} or {@code "generated"}
     */
    public String jsonName() {
        return jsonName;
    }
}
