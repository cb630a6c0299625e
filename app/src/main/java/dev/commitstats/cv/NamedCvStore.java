package dev.commitstats.cv;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of the named CVs: owns {@code cv_pages}, {@code cv_page_repositories} and {@code cv_page_emails}. Reads and
 * writes only; the use cases and their checks are {@link CvPages}'. Thread-safe.
 */
final class NamedCvStore {

    private static final String COLUMNS = "id, user_id, name, title, first_day, last_day, published, created_at, "
            + "updated_at";

    private final JdbcClient jdbc;

    NamedCvStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    private record Row(long id, long userId, String name, @Nullable String title, @Nullable String from,
            @Nullable String to, boolean published, long createdAt, long updatedAt) {
    }

    Optional<NamedCv> find(long userId, String name) {
        return complete(jdbc.sql("SELECT " + COLUMNS + " FROM cv_pages WHERE user_id = :u AND name = :n")
                .param("u", userId).param("n", name).query(NamedCvStore::row).list()).stream().findFirst();
    }

    Optional<NamedCv> find(long id) {
        return complete(jdbc.sql("SELECT " + COLUMNS + " FROM cv_pages WHERE id = :id")
                .param("id", id).query(NamedCvStore::row).list()).stream().findFirst();
    }

    /** The user's named CVs by name. */
    List<NamedCv> of(long userId) {
        return complete(jdbc.sql("SELECT " + COLUMNS + " FROM cv_pages WHERE user_id = :u ORDER BY name")
                .param("u", userId).query(NamedCvStore::row).list());
    }

    /** The ids of the published named CVs, with their owners: {@code cv id -> user id}. */
    Map<Long, Long> published() {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("SELECT id, user_id FROM cv_pages WHERE published = TRUE")
                .query(rs -> {
                    out.put(rs.getLong("id"), rs.getLong("user_id"));
                });
        return out;
    }

    /** Inserts a named CV without its selection rows; returns its id. */
    long insert(long userId, String name, @Nullable String title, @Nullable LocalDate from, @Nullable LocalDate to,
            boolean published, Instant now) {
        return jdbc.sql("""
                        INSERT INTO cv_pages (user_id, name, title, first_day, last_day, published, created_at,
                            updated_at)
                        VALUES (:u, :n, :title, :from, :to, :p, :now, :now) RETURNING id""")
                .param("u", userId).param("n", name).param("title", title).param("from", day(from))
                .param("to", day(to)).param("p", published).param("now", now.getEpochSecond())
                .query(Long.class).single();
    }

    void update(long id, String name, @Nullable String title, @Nullable LocalDate from, @Nullable LocalDate to,
            boolean published, Instant now) {
        jdbc.sql("""
                        UPDATE cv_pages SET name = :n, title = :title, first_day = :from, last_day = :to,
                            published = :p, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("n", name).param("title", title).param("from", day(from))
                .param("to", day(to)).param("p", published).param("now", now.getEpochSecond()).update();
    }

    /** Replaces the selection rows. */
    void select(long id, List<Long> repositories, List<Long> hidden, List<String> emails) {
        jdbc.sql("DELETE FROM cv_page_repositories WHERE cv_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM cv_page_emails WHERE cv_id = :id").param("id", id).update();
        for (long r : repositories.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO cv_page_repositories (cv_id, repository_id, hidden) VALUES (:id, :r, FALSE)")
                    .param("id", id).param("r", r).update();
        }
        for (long r : hidden.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO cv_page_repositories (cv_id, repository_id, hidden) VALUES (:id, :r, TRUE)")
                    .param("id", id).param("r", r).update();
        }
        for (String e : emails) {
            jdbc.sql("INSERT INTO cv_page_emails (cv_id, email) VALUES (:id, :e)").param("id", id).param("e", e)
                    .update();
        }
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM cv_pages WHERE id = :id").param("id", id).update();
    }

    /** The ids of the user's named CVs whose selection holds the repository. */
    List<Long> counting(long userId, long repositoryId) {
        return jdbc.sql("""
                        SELECT p.id FROM cv_pages p
                        WHERE p.user_id = :u
                          AND NOT EXISTS (SELECT 1 FROM cv_page_repositories h
                                          WHERE h.cv_id = p.id AND h.repository_id = :r AND h.hidden = TRUE)
                          AND (NOT EXISTS (SELECT 1 FROM cv_page_repositories a
                                           WHERE a.cv_id = p.id AND a.hidden = FALSE)
                               OR EXISTS (SELECT 1 FROM cv_page_repositories a
                                          WHERE a.cv_id = p.id AND a.hidden = FALSE AND a.repository_id = :r))
                        ORDER BY p.id""")
                .param("u", userId).param("r", repositoryId).query(Long.class).list();
    }

    private List<NamedCv> complete(List<Row> rows) {
        List<NamedCv> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Long> listed = new ArrayList<>();
            List<Long> hidden = new ArrayList<>();
            jdbc.sql("SELECT repository_id, hidden FROM cv_page_repositories WHERE cv_id = :id ORDER BY repository_id")
                    .param("id", r.id()).query(rs -> {
                        (rs.getBoolean("hidden") ? hidden : listed).add(rs.getLong("repository_id"));
                    });
            List<String> emails = jdbc.sql("SELECT email FROM cv_page_emails WHERE cv_id = :id ORDER BY email")
                    .param("id", r.id()).query(String.class).list();
            out.add(new NamedCv(r.id(), r.userId(), r.name(), r.title(), listed, hidden, emails,
                    r.from() == null ? null : LocalDate.parse(r.from()), r.to() == null ? null : LocalDate.parse(r.to()),
                    r.published(), Instant.ofEpochSecond(r.createdAt()), Instant.ofEpochSecond(r.updatedAt())));
        }
        return out;
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), rs.getString("title"),
                rs.getString("first_day"), rs.getString("last_day"), rs.getBoolean("published"),
                rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    private static @Nullable String day(@Nullable LocalDate d) {
        return d == null ? null : d.toString();
    }
}
