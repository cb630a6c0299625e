package dev.commitstats.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A persistence test that runs once on SQLite and once on PostgreSQL, each time on a fresh, migrated database that
 * no other test or run sees. The test method takes a {@link TestDatabase} parameter.
 *
 * <p>PostgreSQL is found at {@code COMMITSTATS_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}). When it cannot be reached, the PostgreSQL
 * runs are skipped with a warning, unless {@code COMMITSTATS_REQUIRE_POSTGRES=true}, which makes them fail.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothDatabasesExtension.class)
public @interface DatabaseTest {
}
