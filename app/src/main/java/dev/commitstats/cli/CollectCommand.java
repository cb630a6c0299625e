package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import dev.commitstats.collection.RepositoryCollector;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.config.Database;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.Provider;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.repos.User;
import dev.commitstats.repos.mirror.MirrorException;
import dev.commitstats.repos.mirror.RepositoryMirrors;
import dev.commitstats.stats.CommitFactStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code commitstats collect}: mines a user's commits from repositories into the database, incrementally. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect a user's commits from local repositories or git URLs into the database.",
            "Creates the user if missing, adds the emails as identities, registers each repository, and mines only "
                    + "commits not stored yet (every branch, each commit once). URLs are cloned as bare mirrors into "
                    + "the data dir and fetched incrementally afterwards."})
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "The user whose commits are collected.")
    String login;

    @Option(names = "--email", paramLabel = "EMAIL", description = "An email the user commits with (repeatable); added to their identities.")
    List<String> emails = new ArrayList<>();

    @Option(names = "--publish", description = "Make the user's CV public.")
    boolean publish;

    @Option(names = "--threads", paramLabel = "N", description = "Mining threads per repository (default: the number of cores).")
    Integer threads;

    @Parameters(paramLabel = "REPO", arity = "1..*", description = "A local repository path or a git URL (https://, http://, git://, file://).")
    List<String> repos;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (login.isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--user must not be empty");
        }
        CommitStatsProperties properties = storage.resolve();
        try (HikariDataSource ds = Database.openAndMigrate(properties, "collect")) {
            RepositoryRegistry registry = new RepositoryRegistry(ds, Clock.systemUTC());
            CommitFactStore store = new CommitFactStore(ds, registry);
            User user = registry.findOrCreateUser(login, login);
            for (String email : emails) {
                if (!email.contains("@")) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "not an email address: '" + email + "'");
                }
                registry.addIdentity(user.id(), email);
            }
            Set<String> identities = new LinkedHashSet<>(registry.identities(user.id()));
            if (identities.isEmpty()) {
                throw new UserFacingException("user '" + login + "' has no email address yet: add one with --email you@example.com");
            }
            if (publish) {
                registry.setPublished(user.id(), true);
            }
            RepositoryMirrors mirrors = new RepositoryMirrors(properties.dataDir());
            RepositoryCollector collector = new RepositoryCollector(registry, store, mirrors,
                    threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads));

            int failures = 0;
            for (String source : repos) {
                String name = mirrors.describe(source);
                Repository repo;
                try {
                    repo = register(registry, mirrors, user, source, name);
                } catch (MirrorException e) {
                    out.printf("%-30s error: %s%n", name, e.getMessage());
                    failures++;
                    continue;
                }
                ProgressBar bar = new ProgressBar(err, ProgressBar.terminal(), name);
                RepositoryCollector.Outcome o = collector.collect(repo, source, identities, null, bar);
                bar.finish();
                if (o.failed()) {
                    failures++;
                    out.printf("%-30s error: %s%n", name, o.error());
                } else {
                    out.printf("%-30s %,d new commits, %,d in total%s%s, %.1f s, %s%n", name, o.newCommits(), o.totalCommits(),
                            o.removedCommits() > 0 ? String.format(" (%,d removed by a force-push)", o.removedCommits()) : "",
                            o.recountedCommits() > 0
                                    ? String.format(" (%,d counted again: the counting rules changed)", o.recountedCommits())
                                    : "",
                            o.took().toMillis() / 1000.0, o.status().dbName());
                }
                out.flush();
            }
            if (failures > 0) {
                err.printf("commitstats: %d of %d repositories failed%n", failures, repos.size());
            }
            return failures > 0 ? 1 : 0;
        }
    }

    private static Repository register(RepositoryRegistry registry, RepositoryMirrors mirrors, User user, String source,
            String name) throws MirrorException {
        String stored = mirrors.storableSource(source);
        for (Repository existing : registry.repositories(user.id())) {
            if (existing.cloneUrl().equals(stored)) {
                if (!existing.active()) {
                    registry.setActive(existing.id(), true); // naming it on the command line means it counts
                    return registry.repository(existing.id()).orElseThrow();
                }
                return existing;
            }
        }
        boolean local = "local".equals(mirrors.provider(source));
        int slash = name.lastIndexOf('/');
        String owner = local || slash < 0 ? null : name.substring(0, slash);
        String shortName = slash < 0 ? name : name.substring(slash + 1);
        long id = registry.registerRepository(user.id(),
                new NewRepository(stored, local ? Provider.LOCAL : Provider.GIT, shortName, owner, true, true));
        return registry.repository(id).orElseThrow();
    }
}
