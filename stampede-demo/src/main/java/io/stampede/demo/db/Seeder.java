package io.stampede.demo.db;

import io.stampede.demo.auth.Passwords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Fills an empty database with realistic generated data: users who can log in
 * (user{N}@example.com / secret{N}, and demo@example.com / demo as user 1), products, comments and
 * fee rows. Deterministic (fixed seed) so runs compare.
 */
public final class Seeder {
    public static final int USERS = 1000;
    public static final int PRODUCTS = 5000;
    public static final int COMMENTS = 20_000;
    public static final int TERMS = 100;
    static final int FEES_PER_TERM = 200;

    private static final String[] ADJECTIVES = {"Compact", "Sturdy", "Vintage", "Smart", "Eco", "Deluxe", "Portable", "Classic"};
    private static final String[] NOUNS = {"Kettle", "Backpack", "Lamp", "Headphones", "Chair", "Notebook", "Bicycle", "Camera"};
    private static final String[] KINDS = {"tuition", "library", "lab", "sports", "housing"};

    private Seeder() {
    }

    public static void seedIfEmpty(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            c.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(20261124);
            users(c);
            products(c, random);
            comments(c, random);
            fees(c, random);
            c.commit();
        }
    }

    private static void users(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO users (id, email, password_salt, password_hash) VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= USERS; i++) {
                String email = i == 1 ? "demo@example.com" : "user" + i + "@example.com";
                String password = i == 1 ? "demo" : "secret" + i;
                String salt = "salt-" + i;
                p.setInt(1, i);
                p.setString(2, email);
                p.setString(3, salt);
                p.setString(4, Passwords.hash(password, salt));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void products(Connection c, SplittableRandom r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO products (id, name, description, price_cents, stock) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= PRODUCTS; i++) {
                String name = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " " + NOUNS[r.nextInt(NOUNS.length)] + " " + i;
                p.setInt(1, i);
                p.setString(2, name);
                p.setString(3, "The " + name.toLowerCase() + ": dependable, well reviewed, ships in " + (1 + r.nextInt(9)) + " days.");
                p.setInt(4, 199 + r.nextInt(50_000));
                p.setInt(5, r.nextInt(500));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void comments(Connection c, SplittableRandom r) throws SQLException {
        Instant start = Instant.now().minusSeconds(200L * 24 * 3600); // 200 days of history, as in the reference cases
        try (PreparedStatement p = c.prepareStatement("INSERT INTO comments (product_id, user_id, body, created_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= COMMENTS; i++) {
                p.setInt(1, 1 + r.nextInt(PRODUCTS));
                p.setInt(2, 1 + r.nextInt(USERS));
                p.setString(3, "Comment " + i + ": " + (r.nextBoolean() ? "works as described" : "arrived late but fine"));
                p.setTimestamp(4, Timestamp.from(start.plusSeconds(i * 860L)));
                p.addBatch();
                if (i % 5000 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    private static void fees(Connection c, SplittableRandom r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO fees (id, term_id, kind, amount_cents) VALUES (?, ?, ?, ?)")) {
            long id = 1;
            for (int term = 1; term <= TERMS; term++) {
                for (int i = 0; i < FEES_PER_TERM; i++) {
                    p.setLong(1, id++);
                    p.setInt(2, term);
                    p.setString(3, KINDS[r.nextInt(KINDS.length)]);
                    p.setInt(4, 1000 + r.nextInt(100_000));
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
    }
}
