package dev.commitstats.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * Multi-row statements with JDBC batching, portable to SQLite and PostgreSQL. Many rows per statement is what makes
 * writes fast on both: SQLite parses once per statement, and PostgreSQL's driver does not rewrite batches into
 * multi-row inserts unless told so in the URL, which users write.
 */
final class Rows {

    /** Both databases accept over 32,000 parameters per statement; stay well below. */
    private static final int MAX_PARAMETERS = 8_000;
    private static final int MAX_ROWS = 500;

    private Rows() {
    }

    /**
     * Runs {@code head VALUES (?,..),(?,..) tail} over the rows, in as few statements as the parameter limit allows.
     *
     * @return the number of rows sent
     */
    static int insert(Connection c, String head, String tail, int columns, List<Object[]> rows, String table,
            WriteProbe probe) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns));
        int full = rows.size() / perStatement;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(head + " VALUES " + tuples(columns, perStatement) + tail)) {
                for (int i = 0; i < full; i++) {
                    bind(ps, rows.subList(i * perStatement, (i + 1) * perStatement), columns);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            probe.written(table, full * perStatement);
        }
        int rest = rows.size() - full * perStatement;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(head + " VALUES " + tuples(columns, rest) + tail)) {
                bind(ps, rows.subList(full * perStatement, rows.size()), columns);
                ps.executeUpdate();
            }
            probe.written(table, rest);
        }
        return rows.size();
    }

    /**
     * Deletes the repository's rows of these shas, one batched statement per sha. A batch of point deletes uses the
     * primary key on both databases, where PostgreSQL planned a long {@code sha IN (...)} list as a table scan.
     */
    static void deleteBySha(Connection c, String table, long repositoryId, List<String> shas) throws SQLException {
        if (shas.isEmpty()) {
            return;
        }
        String sql = "DELETE FROM " + table + " WHERE repository_id = ? AND sha = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String sha : shas) {
                ps.setLong(1, repositoryId);
                ps.setString(2, sha);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String tuples(int columns, int rows) {
        String tuple = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        return String.join(",", Collections.nCopies(rows, tuple));
    }

    private static void bind(PreparedStatement ps, List<Object[]> rows, int columns) throws SQLException {
        int i = 1;
        for (Object[] row : rows) {
            if (row.length != columns) {
                throw new IllegalArgumentException("expected " + columns + " values, got " + row.length);
            }
            for (Object v : row) {
                set(ps, i++, v);
            }
        }
    }

    // typed setters: a bare setObject(null) makes the PostgreSQL driver ask the server for the parameter's type
    private static void set(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else if (v instanceof Long) {
            ps.setLong(i, (Long) v);
        } else if (v instanceof Integer) {
            ps.setInt(i, (Integer) v);
        } else if (v instanceof String) {
            ps.setString(i, (String) v);
        } else if (v instanceof Boolean) {
            ps.setBoolean(i, (Boolean) v);
        } else {
            throw new IllegalArgumentException("unsupported value type " + v.getClass());
        }
    }
}
