package dev.commitstats.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.assembly.Features;
import dev.commitstats.collection.RepositoryDiscovery;
import dev.commitstats.tokens.TokenView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code commitstats discover}: asks each of a user's tokens' hosts which repositories it can see. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Discover the repositories each of a user's tokens can see, now.",
            "For every token (see 'tokens add'), asks its host for the repositories the account owns, is a member of "
                    + "or has contributed to (open source), registers the new ones and updates the known ones. New "
                    + "repositories count unless they are forks or archived, or their owner group was switched off "
                    + "('repos deactivate --group'). The account's verified emails are added to the user's "
                    + "identities. Then 'collect --user LOGIN' collects every active repository."})
final class DiscoverCommand implements Callable<Integer> {

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
        String login = user.login();
        OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Features features = storage.open("discover")) {
            RepositoryDiscovery.Report report = features.discovery().discover(login, new RepositoryDiscovery.Progress() {
                @Override
                public void discovering(TokenView token) {
                    err.printf("%s (%s): asking %s ...%n", token.name(), token.provider().id(), token.baseUrl());
                    err.flush();
                }

                @Override
                public void discovered(RepositoryDiscovery.TokenReport r) {
                    if (format != OutputFormat.table) {
                        return;
                    }
                    if (r.failed()) {
                        out.printf("%s: error: %s (token %s)%n", r.tokenName(), r.error(), r.status().id());
                    } else {
                        out.printf("%s: %,d repositories, %,d new (%,d active)%s%s%n", r.tokenName(), r.found(),
                                r.added(), r.addedActive(),
                                r.openSource() > 0 ? String.format(", %,d open-source contributions", r.openSource()) : "",
                                r.emailsAdded().isEmpty() ? "" : ", emails added: " + String.join(", ", r.emailsAdded()));
                    }
                    r.notes().forEach(n -> out.printf("  note: %s%n", n));
                    out.flush();
                }
            });
            if (format == OutputFormat.json) {
                out.println(Json.pretty(json(report)));
            }
            return report.failures() > 0 ? 1 : 0;
        }
    }

    private static Map<String, Object> json(RepositoryDiscovery.Report report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", report.user().login());
        List<Map<String, Object>> tokens = report.tokens().stream().map(r -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("token", r.tokenName());
            t.put("provider", r.provider());
            t.put("status", r.status().id());
            t.put("found", r.found());
            t.put("added", r.added());
            t.put("addedActive", r.addedActive());
            t.put("openSource", r.openSource());
            t.put("emailsAdded", r.emailsAdded());
            t.put("notes", r.notes());
            t.put("error", r.error());
            return t;
        }).toList();
        m.put("tokens", tokens);
        return m;
    }
}
