package io.stampede.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.demo.db.Seeder;
import io.stampede.demo.http.DemoServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo API on PostgreSQL instead of the embedded H2: migrations, seeding, auth, a write and the
 * report all run against a fresh database created for this test and dropped after it.
 * Needs STAMPEDE_PG_URL (a JDBC URL with user and password, allowed to create databases), which
 * .ci/postgres prints after installing and starting PostgreSQL; without it the test is skipped and says why.
 */
@Timeout(120)
class PostgresDemoTest {

    @Test
    void theDemoRunsOnPostgreSql() throws Exception {
        String admin = System.getenv("STAMPEDE_PG_URL");
        if (admin == null || admin.isBlank()) {
            String why = "PostgresDemoTest skipped: STAMPEDE_PG_URL is not set (run: export STAMPEDE_PG_URL=\"$(.ci/postgres)\")";
            System.out.println(why);
            Assumptions.abort(why);
        }
        URI uri = URI.create(admin.substring("jdbc:".length()));
        Map<String, String> params = query(uri.getQuery());
        String user = params.getOrDefault("user", "stampede");
        String password = params.getOrDefault("password", "");
        String db = "stampede_demo_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(admin)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + db);
            c.createStatement().execute("CREATE DATABASE " + db);
        }
        String url = "jdbc:postgresql://" + uri.getAuthority() + "/" + db;
        try {
            try (DemoServer server = new DemoServer(new DemoConfig(0, "127.0.0.1", 2, Duration.ofSeconds(5),
                    Duration.ofMillis(200), false, url, user, password, Duration.ofMinutes(5), Duration.ofDays(1)))) {
                ApiClient api = new ApiClient(server.url());
                String token = api.login("user7@example.com", "secret7").get("access").asText();
                JsonNode page = ApiClient.json(api.get("/api/v1/products/?page=2&page_size=10", token));
                assertThat(page.get("count").asInt()).isEqualTo(Seeder.PRODUCTS);
                assertThat(page.get("results").get(0).get("id").asInt()).isEqualTo(11);
                assertThat(api.post("/api/v1/products/12/comments/", "{\"text\":\"from postgres\"}", token).statusCode()).isEqualTo(201);
                assertThat(api.get("/api/v1/products/999999/", token).statusCode()).isEqualTo(404);
                var report = api.get("/api/v1/reports/fees?term=3", token);
                assertThat(report.statusCode()).isEqualTo(200);
                assertThat(ApiClient.json(report).toString()).contains("tuition");
            }
            // what the server wrote is in PostgreSQL, not in some embedded database
            try (Connection c = DriverManager.getConnection(url, user, password);
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT COUNT(*), MAX(body) FROM comments WHERE body = 'from postgres'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin)) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static Map<String, String> query(String q) {
        Map<String, String> m = new HashMap<>();
        if (q != null) {
            for (String kv : q.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return m;
    }
}
