package dev.commitstats.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server that tests use, and the private schemas they create in it. Each schema gets a unique name and
 * is dropped when the test is done, so parallel or repeated runs never see each other's rows.
 */
public final class TestPostgres {

    public static final String URL = env("COMMITSTATS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("COMMITSTATS_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("COMMITSTATS_TEST_POSTGRES_PASSWORD", "");
    public static final boolean REQUIRED = Boolean.parseBoolean(env("COMMITSTATS_REQUIRE_POSTGRES", "false"));

    private static volatile String unavailableReason;
    private static volatile boolean checked;

    private TestPostgres() {
    }

    /** Null when PostgreSQL answers, otherwise why not. Checked once per JVM. */
    public static synchronized String unavailableReason() {
        if (!checked) {
            checked = true;
            try (Connection c = connect()) {
                c.isValid(3);
            } catch (SQLException e) {
                unavailableReason = "PostgreSQL at " + URL + " is not reachable (" + e.getMessage() + ")";
                System.err.println("WARNING: " + unavailableReason + "; the PostgreSQL variants of the persistence tests"
                        + (REQUIRED ? " FAIL because COMMITSTATS_REQUIRE_POSTGRES=true." : " are SKIPPED."));
            }
        }
        return unavailableReason;
    }

    public static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        if (!PASSWORD.isEmpty()) {
            p.setProperty("password", PASSWORD);
        }
        p.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(URL, p);
    }

    /** Creates a new empty schema and returns its name. */
    public static String createSchema() throws SQLException {
        String name = "cs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        return name;
    }

    public static void dropSchema(String name) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            System.err.println("WARNING: could not drop test schema " + name + ": " + e.getMessage());
        }
    }

    /** A JDBC URL that confines a connection to {@code schema}, with the test user in it (so a CLI needs no more). */
    public static String urlFor(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + USER
                + (PASSWORD.isEmpty() ? "" : "&password=" + PASSWORD);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
