package dev.commitstats.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --user LOGIN}, declared once for every command about one user; a blank login is a usage error. */
final class UserOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--user", required = true, paramLabel = "LOGIN", descriptionKey = "user")
    String login = "";

    /**
     * The login given.
     *
     * @throws ParameterException (exit code 2) when it is blank
     */
    String login() {
        if (login.isBlank()) {
            throw new ParameterException(mixee.commandLine(), "--user must not be empty");
        }
        return login;
    }
}
