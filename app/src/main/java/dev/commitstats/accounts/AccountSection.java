package dev.commitstats.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The user page's own parts: the account with its identities (the emails counted as "me") and the API keys. */
@Component
@Order(0)
class AccountSection implements UserPageSection {

    private final ObjectProvider<AccountSecurity> accounts;
    private final ObjectProvider<ApiKeys> keys;

    AccountSection(ObjectProvider<AccountSecurity> accounts, ObjectProvider<ApiKeys> keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    @Override
    public UserPages.Page page() {
        return UserPages.Page.USER;
    }

    @Override
    public void addTo(Caller caller, Model model) {
        accounts.getObject().account(caller.userId()).ifPresent(a -> model.addAttribute("account", a));
        model.addAttribute("apiKeys", keys.getObject().list(caller.userId()));
        model.addAttribute("scopes", Caller.Scope.values());
    }
}
