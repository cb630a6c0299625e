package dev.commitstats.tokens;

import java.nio.file.Path;

/**
 * What {@link Tokens#rotateKeys} did.
 *
 * @param reencrypted     the tokens now encrypted with the new primary key
 * @param keysetFile      where the rotated keyset was written: the data dir's keyset file, or the
 *                        {@code --keyset-out} file for a keyset from {@code COMMITSTATS_KEYSET}
 * @param fromEnvironment whether the keyset came from {@code COMMITSTATS_KEYSET}, so that every instance must be
 *                        given the new one
 * @param keys            how many keys the rotated keyset holds (the old ones stay, so old ciphertexts decrypt)
 */
public record KeyRotation(int reencrypted, Path keysetFile, boolean fromEnvironment, int keys) {
}
