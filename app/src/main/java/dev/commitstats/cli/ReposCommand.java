package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.collection.RepositoryRemoval;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryAnnotations;
import dev.commitstats.repos.RepositoryView;
import dev.commitstats.repos.RepositoryRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code commitstats repos}: a user's repositories, switching them (or a whole owner group) on or off, and the paths
 * and commits skipped in each.
 */
@Command(name = "repos", mixinStandardHelpOptions = true,
        description = {"List a user's repositories, switch repositories or whole owner groups on or off, or skip "
                + "paths and commits in a repository.",
            "Only active repositories are collected and count on the CV. Switching an owner group (organisation, "
                    + "group, project) off also keeps repositories of it that discovery finds later inactive."},
        subcommands = {ReposCommand.ListRepos.class, ReposCommand.Activate.class, ReposCommand.Deactivate.class,
            ReposCommand.ShowAnnotations.class, ReposCommand.Annotate.class, ReposCommand.Remove.class})
final class ReposCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the user's repositories by owner group.")
    static final class ListRepos implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage;

        @Mixin
        UserOption user;

        @Mixin
        FormatOption formatOption;

        @Override
        public Integer call() {
            OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
            PrintWriter out = spec.commandLine().getOut();
            try (Features features = storage.open("repos")) {
                User u = features.accounts().require(user.login());
                List<Repository> repos = features.repositories().repositories(u.id());
                if (format == OutputFormat.json) {
                    out.println(Json.pretty(repos.stream().map(ReposCommand::json).toList()));
                    return 0;
                }
                if (repos.isEmpty()) {
                    out.println("no repositories: add a token and run discover, or collect a path or URL");
                    return 0;
                }
                out.printf("%-6s %-7s %-12s %-9s %s%n", "ID", "ACTIVE", "STATUS", "VISIBLE", "REPOSITORY");
                for (Repository r : repos) {
                    String flags = (r.host().fork() ? " fork" : "") + (r.host().archived() ? " archived" : "")
                            + (r.host().openSource() ? " open-source" : "");
                    out.printf("%-6d %-7s %-12s %-9s %s%s%s%n", r.id(), r.active() ? "yes" : "no", r.status().dbName(),
                            r.visibility(), name(r), flags.isEmpty() ? "" : " [" + flags.strip() + "]",
                            r.errorMessage() == null ? "" : "  (" + r.errorMessage() + ")");
                }
                return 0;
            }
        }
    }

    /** Which repositories to switch: ids or an owner group. */
    static final class Target {
        @Option(names = "--id", paramLabel = "ID", split = ",", description = "Repository IDs (from 'repos list'), comma-separated or repeated.")
        List<Long> ids;

        @Option(names = "--group", paramLabel = "OWNER", description = "An owner group: every repository of it, now and discovered later.")
        String group;
    }

    abstract static class Switch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage;

        @Mixin
        UserOption user;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        abstract boolean active();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String verb = active() ? "activated" : "deactivated";
            try (Features features = storage.open("repos")) {
                User u = features.accounts().require(user.login());
                RepositoryRegistry registry = features.repositories();
                if (target.group != null) {
                    int n = registry.setOwnerGroupActive(u.id(), target.group, active());
                    out.printf("owner group %s %s: %d repositories%n", target.group, verb, n);
                    return 0;
                }
                registry.setActive(u.id(), target.ids, active()).forEach(r -> out.printf("%s %s%n", name(r), verb));
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Delete a repository with every number collected from it and this machine's copy of it.",
                "The CV follows. A fork's copies of its commits count from then on. To stop counting a repository "
                        + "but keep its numbers, deactivate it instead."})
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage;

        @Mixin
        UserOption user;

        @Option(names = "--id", paramLabel = "ID", required = true, description = "The repository's ID (from 'repos list').")
        long id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Features features = storage.open("repos")) {
                User u = features.accounts().require(user.login());
                RepositoryRemoval.Removed removed = features.removal().remove(u.id(), id);
                out.printf("%s deleted, with %d commits collected from it%n", removed.name(), removed.deletedCommits());
                return 0;
            }
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Count these repositories again.")
    static final class Activate extends Switch {
        @Override
        boolean active() {
            return true;
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Stop collecting and counting these repositories (their facts are kept).")
    static final class Deactivate extends Switch {
        @Override
        boolean active() {
            return false;
        }
    }

    @Command(name = "annotations", mixinStandardHelpOptions = true,
            description = "Show the paths and commits skipped in one of the user's repositories.")
    static final class ShowAnnotations implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage;

        @Mixin
        UserOption user;

        @Mixin
        FormatOption formatOption;

        @Parameters(index = "0", paramLabel = "REPO_ID", description = "The repository's ID (from 'repos list').")
        long repositoryId;

        @Override
        public Integer call() {
            OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
            PrintWriter out = spec.commandLine().getOut();
            try (Features features = storage.open("repos")) {
                User u = features.accounts().require(user.login());
                RepositoryAnnotations.Annotations a = features.repositoryAnnotations().annotations(u.id(), repositoryId);
                if (format == OutputFormat.json) {
                    out.println(Json.pretty(json(a)));
                    return 0;
                }
                printAnnotations(out, a);
                return 0;
            }
        }
    }

    @Command(name = "annotate", mixinStandardHelpOptions = true,
            description = {"Skip paths and single commits in one of the user's repositories, or stop skipping them.",
                "A skipped path counts as if it were not in any commit (no lines, language, bucket or tool); a skipped "
                        + "commit counts as if it were not the user's. PATTERN is a .gitignore line at the root of the "
                        + "repository: *.min.js (anywhere), /build/ (a folder at the root), docs/**/*.md, vendor/. "
                        + "SHA is a full 40-character sha. The next 'collect' of the repository applies the change."})
    static final class Annotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage;

        @Mixin
        UserOption user;

        @Mixin
        FormatOption formatOption;

        @Parameters(index = "0", paramLabel = "REPO_ID", description = "The repository's ID (from 'repos list').")
        long repositoryId;

        @Option(names = "--skip-path", paramLabel = "PATTERN", description = "A path pattern to skip (repeatable).")
        List<String> skipPaths = new ArrayList<>();

        @Option(names = "--unskip-path", paramLabel = "PATTERN", description = "A skipped path pattern to count again (repeatable).")
        List<String> unskipPaths = new ArrayList<>();

        @Option(names = "--skip-commit", paramLabel = "SHA", description = "A commit to skip (repeatable).")
        List<String> skipCommits = new ArrayList<>();

        @Option(names = "--unskip-commit", paramLabel = "SHA", description = "A skipped commit to count again (repeatable).")
        List<String> unskipCommits = new ArrayList<>();

        @Override
        public Integer call() {
            OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
            PrintWriter out = spec.commandLine().getOut();
            if (skipPaths.isEmpty() && unskipPaths.isEmpty() && skipCommits.isEmpty() && unskipCommits.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "name at least one of --skip-path, --unskip-path, --skip-commit, --unskip-commit");
            }
            try (Features features = storage.open("repos")) {
                User u = features.accounts().require(user.login());
                RepositoryAnnotations.Annotated r = features.repositoryAnnotations().annotate(u.id(), repositoryId,
                        new RepositoryAnnotations.Change(Set.copyOf(skipPaths), Set.copyOf(unskipPaths),
                                Set.copyOf(skipCommits), Set.copyOf(unskipCommits)));
                if (format == OutputFormat.json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("skippedPaths", r.skippedPaths());
                    m.put("unskippedPaths", r.unskippedPaths());
                    m.put("skippedCommits", r.skippedCommits());
                    m.put("unskippedCommits", r.unskippedCommits());
                    m.put("recountNeeded", r.recountNeeded());
                    m.put("collectionNeeded", r.collectionNeeded());
                    m.put("annotations", json(r.annotations()));
                    out.println(Json.pretty(m));
                    return 0;
                }
                r.skippedPaths().forEach(p -> out.printf("%-17s%s%n", "skipped path", p));
                r.unskippedPaths().forEach(p -> out.printf("%-17s%s%n", "unskipped path", p));
                r.skippedCommits().forEach(c -> out.printf("%-17s%s%n", "skipped commit", c));
                r.unskippedCommits().forEach(c -> out.printf("%-17s%s%n", "unskipped commit", c));
                if (!r.changed()) {
                    out.println("nothing changed: already skipped");
                } else if (r.recountNeeded()) {
                    out.println("the next collection of repository " + repositoryId
                            + " counts its commits again with these paths skipped: collect --user " + user.login());
                } else {
                    out.println("the next collection of repository " + repositoryId + " applies this: collect --user "
                            + user.login());
                }
                return 0;
            }
        }
    }

    private static void printAnnotations(PrintWriter out, RepositoryAnnotations.Annotations a) {
        if (a.skippedPaths().isEmpty() && a.skippedCommits().isEmpty()) {
            out.println("nothing skipped in repository " + a.repositoryId());
            return;
        }
        a.skippedPaths().forEach(p -> out.println("path    " + p));
        a.skippedCommits().forEach(c -> out.println("commit  " + c));
    }

    private static Map<String, Object> json(RepositoryAnnotations.Annotations a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repositoryId", a.repositoryId());
        m.put("skippedPaths", a.skippedPaths());
        m.put("skippedCommits", a.skippedCommits());
        return m;
    }

    private static String name(Repository r) {
        return r.ownerGroup() == null ? r.name() : r.ownerGroup() + "/" + r.name();
    }

    private static RepositoryView json(Repository r) {
        return RepositoryView.of(r);
    }
}
