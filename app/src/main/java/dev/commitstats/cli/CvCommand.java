package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.cv.CvPreferences;
import dev.commitstats.repos.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats cv}: what a user's public CV shows. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "What a user's public CV shows.",
        subcommands = {CvCommand.Settings.class})
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
}
