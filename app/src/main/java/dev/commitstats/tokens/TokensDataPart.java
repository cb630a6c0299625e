package dev.commitstats.tokens;

import dev.commitstats.accounts.Caller;
import dev.commitstats.accounts.UserDataPart;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "Download my data": the user's tokens as the JSON API lists them, never a secret. */
@Component
@Order(10)
class TokensDataPart implements UserDataPart {

    private final Tokens tokens;

    TokensDataPart(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public Object export(Caller caller) {
        return tokens.list(caller.userId());
    }
}
