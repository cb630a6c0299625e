package dev.commitstats.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.commitstats.accounts.Account;
import dev.commitstats.assembly.Features;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code commitstats users list}: every account, never a password. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the accounts: login, administrator, password or OAuth, emails, last sign-in.")
final class UsersListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    FormatOption formatOption;

    @Override
    public Integer call() {
        OutputFormat format = formatOption.resolve(OutputFormat.table, OutputFormat.table, OutputFormat.json);
        PrintWriter out = spec.commandLine().getOut();
        try (Features features = storage.open("users-list")) {
            List<Account> accounts = features.accountSecurity().list();
            if (format == OutputFormat.json) {
                out.println(Json.pretty(accounts.stream().map(UsersListCommand::fields).toList()));
            } else if (accounts.isEmpty()) {
                out.println("No users yet. Create one with: commitstats users create --login LOGIN --admin");
            } else {
                out.printf("%-20s  %-5s  %-8s  %-20s  %s%n", "LOGIN", "ADMIN", "SIGN-IN", "LAST SIGN-IN", "EMAILS");
                for (Account a : accounts) {
                    out.printf("%-20s  %-5s  %-8s  %-20s  %s%n", a.login(), a.admin() ? "yes" : "no",
                            a.hasPassword() ? "password" : "oauth",
                            a.lastSignInAt() == null ? "never" : a.lastSignInAt().toString(),
                            String.join(", ", a.identities().stream().map(Account.Identity::email).toList()));
                }
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> fields(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("login", a.login());
        m.put("name", a.displayName());
        m.put("admin", a.admin());
        m.put("password", a.hasPassword());
        m.put("emails", a.identities().stream().map(Account.Identity::email).toList());
        m.put("createdAt", iso(a.createdAt()));
        m.put("lastSignInAt", iso(a.lastSignInAt()));
        return m;
    }

    private static @Nullable String iso(@Nullable Instant t) {
        return t == null ? null : t.toString();
    }
}
