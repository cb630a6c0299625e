package dev.commitstats.accounts;

import dev.commitstats.config.UseCaseException;

/** No user has the given login. */
public final class UnknownUserException extends UseCaseException {

    public UnknownUserException(String login) {
        super(Kind.NOT_FOUND, "no user '" + login + "' in this database: collect their commits first");
    }
}
