package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.ApiKey;
import dev.commitstats.accounts.Caller;
import dev.commitstats.assembly.Features;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code commitstats api-keys list}: a user's keys, never their values. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List a user's API keys: id, name, first characters, scopes, created, last used, revoked.")
final class ApiKeysListCommand implements Callable<Integer> {

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
        try (Features features = storage.open("api-keys-list")) {
            List<ApiKey> keys = features.apiKeys().list(features.accountSecurity().require(login).id());
            if (format == OutputFormat.json) {
                out.println(Json.pretty(keys.stream().map(ApiKeysListCommand::fields).toList()));
            } else if (keys.isEmpty()) {
                out.printf("User '%s' has no API keys. Create one with: commitstats api-keys create --user %s "
                        + "--scopes read%n", login, login);
            } else {
                out.printf("%-6s  %-20s  %-13s  %-22s  %-20s  %s%n", "ID", "NAME", "KEY", "SCOPES", "LAST USED",
                        "STATUS");
                for (ApiKey k : keys) {
                    out.printf("%-6d  %-20s  %-13s  %-22s  %-20s  %s%n", k.id(), k.name(), k.prefix() + "…",
                            scopes(k), k.lastUsedAt() == null ? "never" : k.lastUsedAt().toString(),
                            k.revoked() ? "revoked " + k.revokedAt() : "active");
                }
            }
        }
        out.flush();
        return 0;
    }

    private static String scopes(ApiKey k) {
        return String.join(",", k.scopes().stream().sorted().map(Caller.Scope::id).toList());
    }

    private static Map<String, Object> fields(ApiKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("name", k.name());
        m.put("prefix", k.prefix());
        m.put("scopes", k.scopes().stream().sorted().map(Caller.Scope::id).toList());
        m.put("createdAt", iso(k.createdAt()));
        m.put("lastUsedAt", iso(k.lastUsedAt()));
        m.put("revokedAt", iso(k.revokedAt()));
        return m;
    }

    private static @Nullable String iso(@Nullable Instant t) {
        return t == null ? null : t.toString();
    }
}
