package dev.commitstats.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.commitstats.config.UseCaseException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me} (who is calling) and {@code /api/v1/api-keys} (the caller's own personal API keys: list,
 * create, revoke). A key's value is in the answer to its creation only. Another user's key is "not found".
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "account", description = "The signed-in user and their personal API keys")
class AccountsApiController {

    private final ObjectProvider<AccountSecurity> accounts;
    private final ObjectProvider<UserAccounts> users;
    private final ObjectProvider<ApiKeys> keys;
    private final ObjectProvider<UserDataPart> parts;
    private final java.time.Clock clock;

    AccountsApiController(ObjectProvider<AccountSecurity> accounts, ObjectProvider<UserAccounts> users,
            ObjectProvider<ApiKeys> keys, ObjectProvider<UserDataPart> parts, ObjectProvider<java.time.Clock> clock) {
        this.accounts = accounts;
        this.users = users;
        this.keys = keys;
        this.parts = parts;
        this.clock = clock.getIfAvailable(java.time.Clock::systemUTC);
    }

    /** The signed-in user, as the API shows them. */
    record Me(String login, @Nullable String name, boolean admin, @JsonProperty("avatar_url") @Nullable String avatarUrl,
            List<Account.Identity> identities) {
    }

    /** A key as the API lists it: never its value. */
    record KeyJson(long id, String name, String prefix, List<String> scopes,
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("last_used_at") @Nullable Instant lastUsedAt,
            @JsonProperty("revoked_at") @Nullable Instant revokedAt) {

        static KeyJson of(ApiKey k) {
            return new KeyJson(k.id(), k.name(), k.prefix() + "…", k.scopes().stream().sorted()
                    .map(Caller.Scope::id).toList(), k.createdAt(), k.lastUsedAt(), k.revokedAt());
        }
    }

    /** A new key: the only answer that holds its value. */
    record CreatedKeyJson(@JsonProperty("api_key") KeyJson apiKey, String key) {
    }

    /** What a new key should be called and may do. */
    record NewKeyJson(@Nullable String name, @Nullable List<String> scopes) {
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user: login, name, admin, avatar and identities (commit emails)")
    Me me(Caller caller) {
        caller.require(Caller.Scope.READ);
        Account a = accounts.getObject().account(caller.userId()).orElseThrow(() -> new UseCaseException(
                UseCaseException.Kind.NOT_FOUND, "your account no longer exists"));
        return new Me(a.login(), a.displayName(), a.admin(), a.avatarUrl(), a.identities());
    }

    /** Commit emails to count as the caller's. */
    record NewIdentities(@Nullable List<String> emails) {
    }

    @PostMapping("/me/identities")
    @Operation(summary = "Add commit emails", description = "Body `{\"emails\": [\"you@work.example\"]}`: commits "
            + "authored with them count as yours from the next collection. All or none are added (400 naming the "
            + "first one that is not an email address). Answers with the account, its identities included.")
    Me addIdentities(Caller caller, @RequestBody NewIdentities request) {
        caller.require(Caller.Scope.WRITE);
        if (request.emails() == null || request.emails().isEmpty()) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "give the emails: {\"emails\": [\"…\"]}");
        }
        users.getObject().addIdentities(caller.userId(), request.emails());
        return me(caller);
    }

    /**
     * "Download my data": the account, its API keys (never their values), then each module's part (tokens without
     * secrets, repositories, collection runs, the owner's view of the CV).
     */
    @GetMapping("/me/export")
    @Operation(summary = "Download everything kept about you, as one JSON document",
            description = "user, api_keys, then tokens (never a secret), repositories, runs and cv (your own view, "
                    + "private repositories named) as the modules of this instance keep them.")
    org.springframework.http.ResponseEntity<java.util.Map<String, Object>> export(Caller caller) {
        caller.require(Caller.Scope.READ);
        java.util.Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put("exported_at", clock.instant());
        document.put("user", me(caller));
        document.put("api_keys", list(caller));
        parts.orderedStream().forEach(p -> document.put(p.name(), p.export(caller)));
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"commitstats-" + caller.login() + ".json\"")
                .body(document);
    }

    @GetMapping("/api-keys")
    @Operation(summary = "Your personal API keys, revoked ones included; never their values")
    List<KeyJson> list(Caller caller) {
        caller.require(Caller.Scope.READ);
        return keys.getObject().list(caller.userId()).stream().map(KeyJson::of).toList();
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal API key; the answer holds the key, shown this once",
            description = "Scopes: read, write, refresh, push. A key may only create keys with scopes it has itself.")
    CreatedKeyJson create(Caller caller, @RequestBody NewKeyJson body) {
        caller.require(Caller.Scope.WRITE);
        Set<Caller.Scope> scopes = EnumSet.noneOf(Caller.Scope.class);
        for (String s : body.scopes() == null ? List.<String>of() : body.scopes()) {
            scopes.addAll(ApiKeys.parseScopes(s));
        }
        for (Caller.Scope s : scopes) {
            caller.require(s); // a key cannot mint a stronger key
        }
        ApiKeys.Created created = keys.getObject().create(caller.userId(), body.name() == null ? "" : body.name(),
                scopes);
        return new CreatedKeyJson(KeyJson.of(created.key()), created.value());
    }

    @DeleteMapping("/api-keys/{id}")
    @Operation(summary = "Revoke one of your API keys; another user's key is not found")
    KeyJson revoke(Caller caller, @PathVariable long id) {
        caller.require(Caller.Scope.WRITE);
        return KeyJson.of(keys.getObject().revoke(caller.userId(), id));
    }
}
