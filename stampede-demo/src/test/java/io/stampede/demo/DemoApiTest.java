package io.stampede.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.demo.http.DemoServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The demo API's contract, against the real server and its seeded database. */
@Timeout(120)
class DemoApiTest {
    static DemoServer server;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer(new DemoConfig(0, "127.0.0.1", 5, Duration.ofSeconds(5), Duration.ofMillis(50), false,
                null, "sa", "", Duration.ofSeconds(2), Duration.ofDays(1)));
        api = new ApiClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginGivesTokensAndWrongCredentialsAre401() throws Exception {
        JsonNode t = api.login("demo@example.com", "demo");
        assertThat(t.get("access").asText()).contains(".");
        assertThat(t.get("refresh").asText()).contains(".");
        assertThat(api.login("user42@example.com", "secret42").has("access")).isTrue();
        assertThat(api.post("/api/v1/auth/token/", "{\"email\":\"demo@example.com\",\"password\":\"nope\"}", null).statusCode()).isEqualTo(401);
        var bad = api.post("/api/v1/auth/token/", "{not json", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(bad).get("detail").asText()).startsWith("JSON parse error");
    }

    @Test
    void endpointsNeedAValidToken() throws Exception {
        assertThat(api.get("/api/v1/products/", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/products/", "forged.token.value").statusCode()).isEqualTo(401);
        String refresh = api.login("demo@example.com", "demo").get("refresh").asText();
        // a refresh token is not an access token
        assertThat(api.get("/api/v1/products/", refresh).statusCode()).isEqualTo(401);
    }

    @Test
    void accessTokensExpireAndRefreshGivesANewOne() throws Exception {
        JsonNode t = api.login("demo@example.com", "demo");
        Thread.sleep(2500); // the test server's access tokens live 2 s
        assertThat(api.get("/api/v1/products/", t.get("access").asText()).statusCode()).isEqualTo(401);
        var r = api.post("/api/v1/auth/token/refresh/", "{\"refresh\":\"" + t.get("refresh").asText() + "\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/products/", ApiClient.json(r).get("access").asText()).statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/token/refresh/", "{\"refresh\":\"junk\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void productsArePagedAndUnknownIdsAre404() throws Exception {
        String token = api.login("demo@example.com", "demo").get("access").asText();
        JsonNode page = ApiClient.json(api.get("/api/v1/products/?page=2&page_size=10", token));
        assertThat(page.get("count").asInt()).isEqualTo(5000);
        assertThat(page.get("results")).hasSize(10);
        assertThat(page.get("results").get(0).get("id").asInt()).isEqualTo(11);
        assertThat(page.get("next").asText()).isEqualTo("/api/v1/products/?page=3&page_size=10");
        JsonNode one = ApiClient.json(api.get("/api/v1/products/7/", token));
        assertThat(one.get("id").asInt()).isEqualTo(7);
        assertThat(one.get("name").asText()).endsWith(" 7");
        var missing = api.get("/api/v1/products/999999/", token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(missing).get("detail").asText()).isEqualTo("Not found.");
        assertThat(api.get("/api/v1/products/?page_size=1000", token).statusCode()).isEqualTo(400);
        assertThat(api.get("/nowhere", token).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/v1/products/", "{}", token).statusCode()).isEqualTo(405);
    }

    @Test
    void aCommentIsWrittenAndThenListed() throws Exception {
        String token = api.login("user7@example.com", "secret7").get("access").asText();
        var created = api.post("/api/v1/products/12/comments/", "{\"text\":\"sturdy enough\"}", token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(created).get("user_id").asInt()).isEqualTo(7);
        JsonNode latest = ApiClient.json(api.get("/api/v1/products/comments/?page_size=5", token)).get("results");
        assertThat(latest.findValuesAsText("body")).contains("sturdy enough");
        assertThat(api.post("/api/v1/products/12/comments/", "{\"text\":\"\"}", token).statusCode()).isEqualTo(400);
        assertThat(api.post("/api/v1/products/999999/comments/", "{\"text\":\"x\"}", token).statusCode()).isEqualTo(404);
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        assertThat(api.get("/health", null).statusCode()).isEqualTo(200);
    }
}
