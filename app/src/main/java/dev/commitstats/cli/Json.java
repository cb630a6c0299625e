package dev.commitstats.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the commands: indented output, the same everywhere. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** {@code value} (maps, lists, numbers, strings) as indented JSON, without a trailing newline. */
    static String pretty(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
