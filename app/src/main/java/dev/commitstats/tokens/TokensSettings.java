package dev.commitstats.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commitstats.keyset}: the keyset that encrypts tokens, for servers whose data dir is not shared.
 *
 * @param keyset a Tink JSON keyset in clear ({@code COMMITSTATS_KEYSET}); blank means the file
 *               {@code <data-dir>/keyset.json}, created at first use with mode 600. Never printed: {@link #toString()}
 *               leaves it out
 */
@ConfigurationProperties("commitstats")
public record TokensSettings(@DefaultValue("") String keyset) {

    /** No keyset given: the data dir's keyset file. */
    public static TokensSettings defaults() {
        return new TokensSettings("");
    }

    @Override
    public String toString() {
        return "TokensSettings[keyset=" + (keyset.isBlank() ? "<data dir file>" : "***") + "]";
    }
}
