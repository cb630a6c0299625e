package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.cv.CvPages;
import dev.commitstats.cv.CvPreferences;
import dev.commitstats.cv.NamedCv;
import dev.commitstats.repos.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code commitstats cv}: what a user's public CVs show, and their named CVs. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "What a user's public CVs show, and their named CVs (/cv/LOGIN/NAME).",
        subcommands = {CvCommand.Settings.class, CvCommand.ListCvs.class, CvCommand.Create.class,
            CvCommand.Update.class, CvCommand.Remove.class, CvCommand.Refresh.class})
final class CvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Shown or hidden on the public CV. */
    enum Shown { show, hide }

    /** In the ranking or not. */
    enum Joined { on, off }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = {"Show or change what the user's public CV shows.",
                "Private repositories are masked on the public CV (\"private repository · Java · 2021–2024\") "
                        + "unless named here; public ones are always named. The punch card (when the commits "
                        + "happen) is shown unless hidden. The ranking (/ranking) lists only users who joined it. "
                        + "Every page, card and JSON follows a change within seconds."})
    static final class Settings implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage;

        @Mixin
        UserOption user;

        @Mixin
        FormatOption formatOption;

        @Option(names = "--punch-card", paramLabel = "show|hide", description = "Show or hide when the commits happen.")
        Shown punchCard;

        @Option(names = "--ranking", paramLabel = "on|off", description = "Join or leave the instance's ranking.")
        Joined ranking;

        @Option(names = "--name-repository", paramLabel = "ID", split = ",",
                description = "Show the name of these private repositories (IDs from 'repos list').")
        List<Long> name = new ArrayList<>();

        @Option(names = "--mask-repository", paramLabel = "ID", split = ",",
                description = "Mask these repositories again.")
        List<Long> mask = new ArrayList<>();

        @Override
        public Integer call() {
            OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
            PrintWriter out = spec.commandLine().getOut();
            try (Features features = storage.open("cv")) {
                User u = features.accounts().require(user.login());
                CvPreferences.Preferences p = punchCard == null && ranking == null && name.isEmpty() && mask.isEmpty()
                        ? features.cvPreferences().of(u.id())
                        : features.cvPreferences().change(u.login(), new CvPreferences.Change(
                                punchCard == null ? null : punchCard == Shown.show,
                                ranking == null ? null : ranking == Joined.on, name, mask));
                List<Repository> named = features.repositories().repositories(u.id()).stream()
                        .filter(r -> p.namedRepositories().contains(r.id())).toList();
                if (format == OutputFormat.json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("user", u.login());
                    m.put("published", u.published());
                    m.put("showPunchCard", p.showPunchCard());
                    m.put("inRanking", p.inRanking());
                    m.put("namedRepositories", named.stream().map(r -> Map.of("id", r.id(), "name", name(r))).toList());
                    out.println(Json.pretty(m));
                    return 0;
                }
                out.printf("CV of %s: %s%n", u.login(), u.published() ? "public" : "not public");
                out.printf("punch card: %s%n", p.showPunchCard() ? "shown" : "hidden");
                out.printf("ranking: %s%n", p.inRanking() ? "listed" : "not listed");
                out.printf("private repositories named: %s%n", named.isEmpty() ? "none (all masked)"
                        : String.join(", ", named.stream().map(r -> r.id() + " " + name(r)).toList()));
                return 0;
            }
        }

        private static String name(Repository r) {
            return r.ownerGroup() == null ? r.name() : r.ownerGroup() + "/" + r.name();
        }
    }

    /** The "CV Pages" table, as a command prints it. */
    static int print(CommandSpec spec, OutputFormat format, String login, List<CvPages.CvStatus> cvs) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.pretty(Map.of("user", login, "cvs", cvs.stream().map(CvCommand::json).toList())));
            return 0;
        }
        out.printf("%-20s %-9s %-9s %-20s %s%n", "NAME", "PUBLIC", "STATUS", "LAST UPDATE", "PATH / MESSAGE");
        for (CvPages.CvStatus c : cvs) {
            out.printf("%-20s %-9s %-9s %-20s %s — %s%n", c.name() == null ? "(default)" : c.name(),
                    c.published() ? "yes" : "no", c.status().name().toLowerCase(Locale.ROOT),
                    c.builtAt() == null ? "never" : c.builtAt().toString(), c.path(), c.message());
            NamedCv cv = c.cv();
            if (cv != null) {
                out.printf("%-20s repositories: %s; hidden: %s; emails: %s; period: %s to %s%s%n", "",
                        cv.repositories().isEmpty() ? "all active" : join(cv.repositories()),
                        cv.hidden().isEmpty() ? "none" : join(cv.hidden()),
                        cv.emails().isEmpty() ? "all" : String.join(", ", cv.emails()),
                        cv.from() == null ? "the start" : cv.from(), cv.to() == null ? "today" : cv.to(),
                        cv.title() == null ? "" : "; title: " + cv.title());
            }
        }
        return 0;
    }

    private static Map<String, Object> json(CvPages.CvStatus c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("title", c.title());
        m.put("path", c.path());
        m.put("published", c.published());
        m.put("status", c.status().name().toLowerCase(Locale.ROOT));
        m.put("builtAt", c.builtAt() == null ? null : c.builtAt().toString());
        m.put("message", c.message());
        NamedCv cv = c.cv();
        if (cv != null) {
            m.put("repositories", cv.repositories());
            m.put("hidden", cv.hidden());
            m.put("emails", cv.emails());
            m.put("from", cv.from() == null ? null : cv.from().toString());
            m.put("to", cv.to() == null ? null : cv.to().toString());
        }
        return m;
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** A day as the options take it. */
    static LocalDate day(CommandSpec spec, String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " takes a day as YYYY-MM-DD, not '" + value
                    + "'");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The user's CV pages: the default one and each named one, whether it is public, its "
                    + "status (fresh, stale, building, error), last update and refresh message.")
    static final class ListCvs implements Callable<Integer> {
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
            try (Features features = storage.open("cv")) {
                return print(spec, format, user.login(), features.cvPages().list(user.login()));
            }
        }
    }

    /** What create and update choose. */
    static final class SelectionOptions {
        @Option(names = "--repository", paramLabel = "ID", split = ",",
                description = "Count only these repositories (IDs from 'repos list'; repeatable). Default: every "
                        + "active one.")
        List<Long> repositories = new ArrayList<>();

        @Option(names = "--hide", paramLabel = "ID", split = ",", description = "Leave these repositories out.")
        List<Long> hidden = new ArrayList<>();

        @Option(names = "--email", paramLabel = "EMAIL", split = ",",
                description = "Count only commits by these of the user's emails. Default: all of them.")
        List<String> emails = new ArrayList<>();

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "The first day counted.")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD",
                description = "The last day counted; key metrics, streaks and the calendar end on it.")
        String to;

        @Option(names = "--title", paramLabel = "TEXT", description = "What the page calls the CV (default: its name).")
        String title;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a named CV, /cv/LOGIN/NAME: the user's numbers over a selection of repositories, "
                    + "emails and days.", "NAME: 1 to 40 lowercase letters, digits and hyphens."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StorageOptions storage;
        @Mixin
        UserOption user;
        @Mixin
        FormatOption formatOption;
        @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "The CV's name, e.g. backend.")
        String name;
        @Mixin
        SelectionOptions selection;
        @Option(names = "--publish", description = "Make it public at once.")
        boolean publish;

        @Override
        public Integer call() {
            OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
            SelectionOptions o = selection == null ? new SelectionOptions() : selection;
            CvPages.Definition definition = new CvPages.Definition(o.title, o.repositories, o.hidden, o.emails,
                    o.from == null ? null : day(spec, "--from", o.from), o.to == null ? null : day(spec, "--to", o.to),
                    publish);
            try (Features features = storage.open("cv")) {
                NamedCv cv = features.cvPages().create(user.login(), name, definition);
                return print(spec, format, user.login(), List.of(features.cvPages().status(user.login(), cv.name())));
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Change a named CV: what is given replaces what it had; the page, card and JSON follow.",
                "--all-repositories, --no-hidden, --all-emails, --open-from and --open-to clear a choice."})
    static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StorageOptions storage;
        @Mixin
        UserOption user;
        @Mixin
        FormatOption formatOption;
        @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "The CV's name.")
        String name;
        @Mixin
        SelectionOptions selection;
        @Option(names = "--rename", paramLabel = "NEW-NAME", description = "Give it another name (and address).")
        String rename;
        @Option(names = "--all-repositories", description = "Count every active repository again.")
        boolean allRepositories;
        @Option(names = "--no-hidden", description = "Hide no repository.")
        boolean noHidden;
        @Option(names = "--all-emails", description = "Count all of the user's emails again.")
        boolean allEmails;
        @Option(names = "--open-from", description = "Count from the first commit.")
        boolean openFrom;
        @Option(names = "--open-to", description = "Count up to today.")
        boolean openTo;
        @Option(names = "--publish", description = "Make it public.")
        boolean publish;
        @Option(names = "--unpublish", description = "Make it private: 404 for anyone.")
        boolean unpublish;

        @Override
        public Integer call() {
            OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
            if (publish && unpublish) {
                throw new ParameterException(spec.commandLine(), "--publish and --unpublish exclude each other");
            }
            SelectionOptions o = selection == null ? new SelectionOptions() : selection;
            CvPages.Change change = new CvPages.Change(rename, o.title,
                    allRepositories ? List.of() : o.repositories.isEmpty() ? null : o.repositories,
                    noHidden ? List.of() : o.hidden.isEmpty() ? null : o.hidden,
                    allEmails ? List.of() : o.emails.isEmpty() ? null : o.emails,
                    openFrom ? new CvPages.Bound(null) : o.from == null ? null
                            : new CvPages.Bound(day(spec, "--from", o.from)),
                    openTo ? new CvPages.Bound(null) : o.to == null ? null : new CvPages.Bound(day(spec, "--to", o.to)),
                    publish ? Boolean.TRUE : unpublish ? Boolean.FALSE : null);
            try (Features features = storage.open("cv")) {
                NamedCv cv = features.cvPages().change(user.login(), name, change);
                return print(spec, format, user.login(), List.of(features.cvPages().status(user.login(), cv.name())));
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a named CV and its snapshot.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StorageOptions storage;
        @Mixin
        UserOption user;
        @Mixin
        FormatOption formatOption;
        @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "The CV's name.")
        String name;

        @Override
        public Integer call() {
            OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
            try (Features features = storage.open("cv")) {
                NamedCv cv = features.cvPages().remove(user.login(), name);
                PrintWriter out = spec.commandLine().getOut();
                if (format == OutputFormat.json) {
                    out.println(Json.pretty(Map.of("user", user.login(), "removed", cv.name())));
                } else {
                    out.printf("CV '%s' of %s removed%n", cv.name(), user.login());
                }
                return 0;
            }
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Refresh CVs: rebuild every CV of the user now (the default one and each named one).")
    static final class Refresh implements Callable<Integer> {
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
            try (Features features = storage.open("cv")) {
                List<CvPages.CvStatus> cvs = features.cvPages().refresh(user.login());
                print(spec, format, user.login(), cvs);
                return cvs.stream().anyMatch(c -> c.status() == CvPages.Status.ERROR) ? 1 : 0;
            }
        }
    }
}
