-- Sign-in with GitHub, GitLab or an OpenID Connect provider (accounts.OAuthAccounts): which account a provider's
-- user signs in as. registration_id names the configured provider (github, gitlab, oidc); subject is the provider's
-- stable id of its user (GitHub's numeric id, the OIDC "sub"), never a login or email, which can change hands.
-- Times are epoch seconds.
CREATE TABLE sign_in_identities (
    registration_id TEXT   NOT NULL,
    subject         TEXT   NOT NULL,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      BIGINT NOT NULL,
    last_sign_in_at BIGINT NOT NULL,
    PRIMARY KEY (registration_id, subject)
);
CREATE INDEX sign_in_identities_user ON sign_in_identities (user_id);
