package dev.commitstats.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-time code that guards the first-run setup page. While no account has a password and none is an admin, the
 * server prints a random code in its log when it starts; whoever can read the log (the person who started the server)
 * enters it on {@code /setup} with the first admin's login and password. The code is compared in constant time and
 * works once: after the setup it is gone. Each instance has its own code; the database decides whether setup is still
 * pending. Thread-safe.
 */
@Component
final class FirstRunSetup {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRunSetup.class);
    /** Crockford's Base32: no I, L, O or U to misread */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final DataSource dataSource;
    private final AtomicReference<@Nullable String> code;

    FirstRunSetup(DataSource dataSource) {
        this.dataSource = dataSource;
        this.code = new AtomicReference<>(newCode(new SecureRandom()));
    }

    /** Prints the code when the server is up and setup is pending; otherwise the code is dropped at once. */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (AccountSecurity.setupPending(JdbcClient.create(dataSource))) {
            LOG.info("First-run setup: open http://localhost:{}/setup and enter the code {}",
                    event.getWebServer().getPort(), code.get());
        } else {
            code.set(null);
        }
    }

    /** Whether {@code given} is the code (case, spaces and dashes aside), compared in constant time. */
    boolean matches(String given) {
        String expected = code.get();
        if (expected == null) {
            return false;
        }
        return MessageDigest.isEqual(digest(normalise(given)), digest(normalise(expected)));
    }

    /** Ends the code's life: setup is done. */
    void used() {
        code.set(null);
    }

    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String newCode(SecureRandom random) {
        StringBuilder b = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
