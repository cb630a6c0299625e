package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.User;
import dev.commitstats.assembly.Features;
import dev.commitstats.tokens.TokenView;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code commitstats tokens list}: a user's tokens with their last statuses, never their secrets. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List a user's tokens: name, provider, base URL, status and message of the last check, and when "
                + "that was. Secrets are never shown.")
final class TokensListCommand implements Callable<Integer> {

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
        try (Features features = storage.open("tokens-list")) {
            User owner = features.accounts().require(login);
            List<TokenView> tokens = features.tokens().list(owner.id());
            if (format == OutputFormat.json) {
                out.println(Json.pretty(tokens.stream().map(TokensListCommand::fields).toList()));
            } else if (tokens.isEmpty()) {
                out.printf("User '%s' has no tokens. Add one with: commitstats tokens add --user %s --provider KIND "
                        + "--name NAME%n", login, login);
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"NAME", "PROVIDER", "BASE URL", "STATUS", "LAST CHECK", "MESSAGE"});
                for (TokenView t : tokens) {
                    rows.add(new String[] {t.name(), t.provider().id(), t.baseUrl(), t.status().id(),
                        TokenLines.checked(t.checkedAt()),
                        t.message() + (t.warning() == null ? "" : " (warning: " + t.warning() + ")")});
                }
                printColumns(out, rows);
            }
        }
        out.flush();
        return 0;
    }

    /** A token as JSON: camelCase fields, times in ISO-8601, and no secret since a view has none. */
    private static Map<String, Object> fields(TokenView t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("provider", t.provider().id());
        m.put("baseUrl", t.baseUrl());
        m.put("username", t.username());
        m.put("status", t.status().id());
        m.put("message", t.message());
        m.put("accountLogin", t.accountLogin());
        m.put("scopes", t.scopes());
        m.put("warning", t.warning());
        m.put("expiresAt", iso(t.expiresAt()));
        m.put("checkedAt", iso(t.checkedAt()));
        m.put("retryAt", iso(t.retryAt()));
        m.put("createdAt", iso(t.createdAt()));
        return m;
    }

    private static @Nullable String iso(@Nullable Instant t) {
        return t == null ? null : t.toString();
    }

    /** Columns two spaces apart, each as wide as its widest cell; the last one is not padded. */
    private static void printColumns(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
            }
            out.println(line);
        }
    }
}
