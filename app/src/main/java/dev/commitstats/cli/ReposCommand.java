package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.repos.Repository;
import dev.commitstats.repos.RepositoryView;
import dev.commitstats.repos.RepositoryRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats repos}: a user's repositories, and switching them (or a whole owner group) on or off. */
@Command(name = "repos", mixinStandardHelpOptions = true,
        description = {"List a user's repositories, or switch repositories or whole owner groups on or off.",
            "Only active repositories are collected and count on the CV. Switching an owner group (organisation, "
                    + "group, project) off also keeps repositories of it that discovery finds later inactive."},
        subcommands = {ReposCommand.ListRepos.class, ReposCommand.Activate.class, ReposCommand.Deactivate.class})
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

    private static String name(Repository r) {
        return r.ownerGroup() == null ? r.name() : r.ownerGroup() + "/" + r.name();
    }

    private static RepositoryView json(Repository r) {
        return RepositoryView.of(r);
    }
}
