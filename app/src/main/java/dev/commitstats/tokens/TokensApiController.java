package dev.commitstats.tokens;

import dev.commitstats.accounts.Caller;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.providers.ProviderKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's personal access tokens as JSON: what the user page's tokens table shows and does. A secret
 * goes in (add, replace) and never comes out; another user's token is "not found".
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens", description = "Your personal access tokens for git hosts")
class TokensApiController {

    private final Tokens tokens;

    TokensApiController(Tokens tokens) {
        this.tokens = tokens;
    }

    /**
     * A token to add.
     *
     * @param name     your name for it, unique among your tokens
     * @param provider {@code github}, {@code gitlab}, {@code azure-devops}, {@code bitbucket}, {@code gitea} or
     *                 {@code git}
     * @param baseUrl  the host's address for a self-managed server; omitted for the hosted service
     * @param username the account's user name where the host needs one (Bitbucket app passwords, git servers)
     * @param secret   the token itself: checked with the host, stored encrypted, never shown again
     */
    record NewTokenRequest(@Nullable String name, @Nullable String provider, @Nullable String baseUrl,
            @Nullable String username, @Nullable String secret) {

        @Override
        public String toString() {
            // a request is never printed, but if it were, the secret stays out
            return "NewTokenRequest[name=" + name + ", provider=" + provider + ", baseUrl=" + baseUrl + "]";
        }
    }

    /** @param secret the new secret of the same token */
    record SecretRequest(@Nullable String secret) {

        @Override
        public String toString() {
            return "SecretRequest[secret hidden]";
        }
    }

    /**
     * A token as the API shows it: {@link TokenView} with the provider and status by their ids ({@code github},
     * {@code insufficient_scope}), as the commands print them. Never the secret.
     */
    record TokenJson(long id, String name, String provider, String baseUrl, @Nullable String username, String status,
            String message, @Nullable String accountLogin, List<String> scopes, @Nullable String warning,
            @Nullable String expiresAt, @Nullable String checkedAt, @Nullable String retryAt, String createdAt) {

        static TokenJson of(TokenView t) {
            return new TokenJson(t.id(), t.name(), t.provider().id(), t.baseUrl(), t.username(), t.status().id(),
                    t.message(), t.accountLogin(), t.scopes(), t.warning(), iso(t.expiresAt()), iso(t.checkedAt()),
                    iso(t.retryAt()), t.createdAt().toString());
        }

        private static @Nullable String iso(java.time.@Nullable Instant at) {
            return at == null ? null : at.toString();
        }
    }

    @GetMapping
    @Operation(summary = "Your tokens", description = "Each with its host's last verdict; never the secret.")
    List<TokenJson> list(Caller caller) {
        caller.require(Caller.Scope.READ);
        return tokens.list(caller.userId()).stream().map(TokenJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of your tokens")
    TokenJson token(Caller caller, @PathVariable long id) {
        caller.require(Caller.Scope.READ);
        return TokenJson.of(tokens.token(caller.userId(), id));
    }

    @PostMapping
    @Operation(summary = "Add a token", description = "Checked with its host first and stored with the verdict, "
            + "also when the host refused it (its status says why; replace the secret to fix it). 201 with the token.")
    ResponseEntity<TokenJson> add(Caller caller, @RequestBody NewTokenRequest request) {
        caller.require(Caller.Scope.WRITE);
        String providerId = request.provider() == null ? "" : request.provider().strip();
        ProviderKind provider = ProviderKind.byId(providerId).orElseThrow(() -> new UseCaseException(
                UseCaseException.Kind.INVALID, (providerId.isEmpty() ? "no provider" : "unknown provider '"
                        + providerId + "'") + ": one of " + ProviderKind.ids()));
        if (request.name() == null) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, "give the token a name");
        }
        NewToken token = new NewToken(request.name(), provider, blankToNull(request.baseUrl()),
                blankToNull(request.username()));
        TokenView added = tokens.add(caller.userId(), token, request.secret() == null ? "" : request.secret());
        return ResponseEntity.status(HttpStatus.CREATED).body(TokenJson.of(added));
    }

    @PostMapping("/{id}/check")
    @Operation(summary = "Check a token with its host again")
    TokenJson check(Caller caller, @PathVariable long id) {
        caller.require(Caller.Scope.WRITE);
        return TokenJson.of(tokens.check(caller.userId(), id));
    }

    @PutMapping("/{id}/secret")
    @Operation(summary = "Replace a token's secret", description = "Body `{\"secret\": \"…\"}`. The same token, so "
            + "its repositories and their numbers stay; repositories that failed because of the old secret are "
            + "collected again.")
    TokenJson replace(Caller caller, @PathVariable long id, @RequestBody SecretRequest request) {
        caller.require(Caller.Scope.WRITE);
        return TokenJson.of(tokens.replaceSecret(caller.userId(), id,
                request.secret() == null ? "" : request.secret()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a token")
    ResponseEntity<Void> remove(Caller caller, @PathVariable long id) {
        caller.require(Caller.Scope.WRITE);
        tokens.remove(caller.userId(), id);
        return ResponseEntity.noContent().build();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
