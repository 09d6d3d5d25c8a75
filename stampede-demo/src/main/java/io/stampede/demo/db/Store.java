package io.stampede.demo.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The API's queries. Every call borrows a pooled connection for as long as its query runs. */
public final class Store {
    private final DataSource ds;
    private final Duration reportDelay;

    public Store(DataSource ds, Duration reportDelay) {
        this.ds = ds;
        this.reportDelay = reportDelay;
    }

    /** A user's id, salt and hash by email, or null. */
    public String[] user(String email) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT id, password_salt, password_hash FROM users WHERE email = ?")) {
            p.setString(1, email);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
            }
        }
    }

    public long productCount() throws SQLException {
        return count("SELECT COUNT(*) FROM products");
    }

    public List<Map<String, Object>> products(int offset, int limit) throws SQLException {
        return list("SELECT id, name, price_cents, stock FROM products ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                offset, limit);
    }

    public Map<String, Object> product(int id) throws SQLException {
        List<Map<String, Object>> rows = list("SELECT id, name, description, price_cents, stock,"
                + " (SELECT COUNT(*) FROM comments WHERE product_id = ?) AS comments FROM products WHERE id = ?", id, id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public long commentCount() throws SQLException {
        return count("SELECT COUNT(*) FROM comments");
    }

    public List<Map<String, Object>> comments(int offset, int limit) throws SQLException {
        return list("SELECT id, product_id, user_id, body, created_at FROM comments ORDER BY created_at DESC, id DESC"
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", offset, limit);
    }

    /** Adds a comment; returns its id. */
    public long addComment(int productId, int userId, String body) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement p = c.prepareStatement("INSERT INTO comments (product_id, user_id, body, created_at) VALUES (?, ?, ?, ?)",
                     new String[] {"id"})) {
            p.setInt(1, productId);
            p.setInt(2, userId);
            p.setString(3, body);
            p.setTimestamp(4, Timestamp.from(Instant.now()));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    /**
     * The fee report of a term: a real aggregate over its fee rows, after which the connection stays
     * held for the configured delay, standing in for a slow disk-bound query. Holding it in Java
     * rather than with a database sleep function keeps the behaviour the same on H2 and PostgreSQL:
     * the pool, not the database engine, is what saturates.
     */
    public List<Map<String, Object>> feeReport(int term) throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<Map<String, Object>> rows = list(c, "SELECT kind, COUNT(*) AS items, SUM(amount_cents) AS total_cents,"
                    + " AVG(amount_cents) AS average_cents FROM fees WHERE term_id = ? GROUP BY kind ORDER BY kind", term);
            try {
                Thread.sleep(reportDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while reading fees", e);
            }
            return rows;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Map<String, Object>> list(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return list(c, sql, args);
        }
    }

    private static List<Map<String, Object>> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), v instanceof Timestamp t ? t.toInstant().toString() : v);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
