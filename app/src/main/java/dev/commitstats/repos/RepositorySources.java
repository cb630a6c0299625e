package dev.commitstats.repos;

import dev.commitstats.accounts.Caller;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.repos.mirror.MirrorException;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

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

    /** At most this many repositories are registered from one folder of repositories. */
    static final int MAX_FOLDER_REPOSITORIES = 500;

    /**
     * {@link #register(Caller, String)}, where an admin may also name a folder of repositories on the server (a
     * folder that is not a repository itself): each git repository in it or one level below (a working tree or a
     * bare repository; hidden folders skipped) is registered, by path order.
     *
     * @return one registration per repository, and whether the source was a folder of repositories
     * @throws UseCaseException ({@code INVALID}) as {@link #register(Caller, String)} does, and for a folder with no
     *                          repository in it or more than {@value #MAX_FOLDER_REPOSITORIES}
     */
    public Registrations registerAll(Caller caller, String source) {
        String given = source.strip();
        if (caller.admin() && !given.isEmpty() && isLocal(given)) {
            Path folder = Path.of(given.startsWith("file://") ? given.substring("file://".length()) : given)
                    .toAbsolutePath().normalize();
            if (Files.isDirectory(folder) && !isRepository(folder)) {
                List<Path> found = repositoriesIn(folder);
                if (found.isEmpty()) {
                    throw new UseCaseException(UseCaseException.Kind.INVALID, "no git repository in " + folder
                            + " or one level below it");
                }
                if (found.size() > MAX_FOLDER_REPOSITORIES) {
                    throw new UseCaseException(UseCaseException.Kind.INVALID, folder + " holds " + found.size()
                            + " repositories, more than " + MAX_FOLDER_REPOSITORIES + ": add its sub-folders one by one");
                }
                return new Registrations(true, found.stream().map(p -> register(caller, p.toString())).toList());
            }
        }
        return new Registrations(false, List.of(register(caller, given)));
    }

    /**
     * What {@link #registerAll} registered.
     *
     * @param folder        whether the source was a folder of repositories (else it named one repository)
     * @param registrations one per repository
     */
    public record Registrations(boolean folder, List<Registration> registrations) {
        public Registrations {
            registrations = List.copyOf(registrations);
        }
    }

    private static boolean isRepository(Path dir) {
        return RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED) != null;
    }

    /** The repositories in a folder and one level below, not looking inside a repository or a hidden folder. */
    private static List<Path> repositoriesIn(Path folder) {
        List<Path> found = new ArrayList<>();
        for (Path child : subfolders(folder)) {
            if (isRepository(child)) {
                found.add(child);
            } else {
                subfolders(child).stream().filter(RepositorySources::isRepository).forEach(found::add);
            }
        }
        return found;
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "cannot read " + dir + ": " + e.getMessage());
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
