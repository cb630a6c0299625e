package dev.commitstats.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a secret the way the commands take secrets: never from an argument (which other users of the machine can see
 * in the process list), but from the terminal without echo when there is one, else as one line of standard input
 * ({@code printenv GITHUB_TOKEN | commitstats tokens add ...}).
 */
final class SecretInput {

    private SecretInput() {
    }

    /**
     * The secret typed at the terminal after {@code prompt}, or the first line of standard input.
     *
     * @throws UserFacingException when nothing was given
     */
    static String read(String prompt) {
        return read(prompt, "token", "printenv GITHUB_TOKEN | commitstats tokens add ...");
    }

    /**
     * {@link #read(String)} for any kind of secret: {@code what} names it in messages ("password"), {@code example}
     * shows how to pipe it in.
     */
    static String read(String prompt, String what, String example) {
        Console console = System.console();
        if (console != null && interactive(console)) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null || typed.length == 0) {
                throw new UserFacingException("no " + what + " given");
            }
            String secret = new String(typed);
            Arrays.fill(typed, '\0');
            return secret;
        }
        String line;
        try {
            // not closed: standard input belongs to the process
            line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UserFacingException("cannot read the " + what + " from standard input: " + e.getMessage(), e);
        }
        if (line == null || line.isBlank()) {
            throw new UserFacingException("no " + what + " on standard input: type it when asked, or pipe it in, e.g. "
                    + example);
        }
        return line;
    }

    /**
     * Whether the console is a terminal. From Java 22 on, {@link System#console()} also answers when the streams are
     * redirected, and {@code Console.isTerminal()} tells; before, it answered only for a terminal.
     */
    private static boolean interactive(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }
}
