package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store on PostgreSQL: the same round trip as on H2, in a fresh database that already holds an
 * application's table (the store must live beside it), created for this test and dropped after it.
 * Needs STAMPEDE_PG_URL (a JDBC URL with user and password, allowed to create databases), which
 * .ci/postgres prints after installing and starting PostgreSQL; without it the test is skipped and says why.
 */
@Timeout(120)
class PostgresStoreTest {

    @Test
    void aRunRoundTripsThroughPostgreSql() throws Exception {
        String admin = System.getenv("STAMPEDE_PG_URL");
        if (admin == null || admin.isBlank()) {
            String why = "PostgresStoreTest skipped: STAMPEDE_PG_URL is not set (run: export STAMPEDE_PG_URL=\"$(.ci/postgres)\")";
            System.out.println(why);
            Assumptions.abort(why);
        }
        String db = "stampede_store_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
        }
        // Same server, user and password, another database.
        String url = admin.replaceFirst("(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + db);
        try {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE app_orders (id BIGINT PRIMARY KEY)");
            }
            long id;
            try (ResultsStore store = ResultsStore.open(url)) {
                assertThat(store.description()).contains(db).doesNotContain("password=stampede");
                id = RoundTrip.check(store, 7);
            }
            try (ResultsStore again = ResultsStore.open(url)) {
                assertThat(again.load(id).intervals()).containsExactlyElementsOf(SyntheticRun.intervals(7, 25));
                assertThat(RoundTrip.check(again, 8)).isGreaterThan(id);
            }
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT COUNT(*) FROM run_intervals")) {
                rs.next();
                assertThat(rs.getInt(1)).as("both runs' intervals are in PostgreSQL").isEqualTo(50);
                assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }
}
