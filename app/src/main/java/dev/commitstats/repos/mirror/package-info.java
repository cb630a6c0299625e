/**
 * Bare mirrors of the git repositories a user collects from: a local folder is read in place, a URL is cloned once
 * into the data directory and fetched incrementally afterwards, with the user's token as HTTPS credential and every
 * connection opened through the outbound policy. The {@code repos} module's named interface {@code mirror}, for
 * collection.
 */
@NullMarked
@NamedInterface("mirror")
package dev.commitstats.repos.mirror;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
