package dev.commitstats.repos;

import dev.commitstats.accounts.Caller;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.mirror.MirrorException;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import java.util.Optional;

/**
 * Registers repositories from what a user names: a local folder or a git URL. The source is stored as
 * {@link RepositoryMirrors#storableSource} makes it (an absolute path, or a URL without credentials), so that naming the
 * same repository again finds the same record. Thread-safe.
 */
public final class RepositorySources {

    /**
     * A registered repository.
     *
     * @param repository  the record, as stored after the registration
     * @param created     whether this call registered it
     * @param reactivated whether it was registered but inactive, and naming it made it count again
     */
    public record Registration(Repository repository, boolean created, boolean reactivated) {
    }

    private final RepositoryRegistry registry;
    private final RepositoryMirrors mirrors;

    public RepositorySources(RepositoryRegistry registry, RepositoryMirrors mirrors) {
        this.registry = registry;
        this.mirrors = mirrors;
    }

    /**
     * The user's repository for {@code source}, registered (active, added by hand) when it is new, and made active
     * again when it was switched off: naming a repository means its commits count.
     *
     * @throws MirrorException when the source is not a usable path or URL; the message is meant for the user
     */
    public Registration register(long userId, String source) throws MirrorException {
        String stored = mirrors.storableSource(source);
        Optional<Repository> existing = registry.findByCloneUrl(userId, stored);
        if (existing.isPresent()) {
            Repository r = existing.get();
            if (r.active()) {
                return new Registration(r, false, false);
            }
            registry.setActive(r.id(), true);
            return new Registration(registry.repository(r.id()).orElseThrow(), false, true);
        }
        String name = mirrors.describe(source);
        boolean local = "local".equals(mirrors.provider(source));
        int slash = name.lastIndexOf('/');
        String owner = local || slash < 0 ? null : name.substring(0, slash);
        String shortName = slash < 0 ? name : name.substring(slash + 1);
        NewRepository repo = new NewRepository(stored, local ? SourceKind.LOCAL : SourceKind.GIT, shortName, owner,
                true, true);
        try {
            return new Registration(registry.repository(registry.registerRepository(userId, repo)).orElseThrow(), true,
                    false);
        } catch (IllegalArgumentException alreadyRegistered) {
            // another process registered it between the lookup and the insert
            return register(userId, source);
        }
    }

    /**
     * {@link #register} for a source given over the network: checked against the outbound policy first, so that a
     * URL the server may not reach is refused before it is stored.
     *
     * @throws MirrorException when the source is not a usable URL, or one the server may not reach
     */
    public Registration registerChecked(long userId, String source) throws MirrorException {
        mirrors.check(source);
        return register(userId, source);
    }

    /**
     * {@link #registerChecked} on behalf of a signed-in caller, as the JSON API and the user page add a repository:
     * a source that would make the server read its own files (a path or {@code file://} URL) is refused unless the
     * caller administers the instance; a hosted multi-user instance never reads server paths for its users.
     *
     * @throws UseCaseException ({@code INVALID}) for an empty source, a server path from someone who is not an admin,
     *                          and what {@link #registerChecked} refuses, with its message
     */
    public Registration register(Caller caller, String source) {
        String given = source.strip();
        if (given.isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "say which repository: its https:// URL, as you would clone it");
        }
        if (!caller.admin() && isLocal(given)) {
            // the server's own files are the admin's to offer; nobody else can make the server read a path
            throw new UseCaseException(UseCaseException.Kind.INVALID,
                    "not a git URL: " + given + " (give the https:// URL you would clone)");
        }
        try {
            return registerChecked(caller.userId(), given);
        } catch (MirrorException e) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, e.getMessage());
        }
    }

    /** Whether collecting the source would read the server's own files (a path or {@code file://} URL). */
    public boolean isLocal(String source) {
        return mirrors.readsServerFiles(source);
    }

    /** A name to show for a source before it is registered: "owner/repo" for a URL, the folder name for a path. */
    public String describe(String source) {
        return mirrors.describe(source);
    }
}
