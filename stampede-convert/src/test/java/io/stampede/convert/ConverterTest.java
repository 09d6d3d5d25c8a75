package io.stampede.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConverterTest {
    private static final String ACCESS = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsInR5cCI6ImFjY2VzcyJ9.c2lnbmF0dXJlLWFjY2Vzcy1vbmU";
    private static final String REFRESH = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsInR5cCI6InJlZnJlc2gifQ.c2lnbmF0dXJlLXJlZnJlc2g";
    private static final String ACCESS_2 = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsInR5cCI6ImFjY2VzcyIsIm4iOjJ9.c2lnbmF0dXJlLWFjY2Vzcy10d28";

    @TempDir
    Path dir;

    static Path har(String name) throws URISyntaxException {
        return Path.of(ConverterTest.class.getResource("/har/" + name).toURI());
    }

    @Test
    void aRecordingBecomesAScenarioThatCompilesAndHoldsNoSecret() throws Exception {
        Conversion c = Converter.convert(har("shop.har"), ConvertOptions.defaults("ShopUser"));
        String java = c.source();
        assertThat(Compiled.errors("ShopUser", java, dir)).isEmpty();
        assertThat(java).contains("@Host(\"http://shop.test:8080\")")
                .doesNotContain(ACCESS, REFRESH, ACCESS_2, "s3ss10nc00k1e", "k3y-fr0m-n0wh3r3", "\"password\":\"demo\"");
        // the tokens come from the log-in's response, in onStart; the refreshed one from the refresh's
        assertThat(java).contains("access = r1.json().get(\"access\").asText();")
                .contains("refresh = r1.json().get(\"refresh\").asText();")
                .contains("access2 = r1.json().get(\"access\").asText();")
                .contains(".header(\"Authorization\", \"Bearer \" + access)")
                .contains(".header(\"Authorization\", \"Bearer \" + access2)")
                .contains(".body(\"{\\\"refresh\\\":\\\"\" + refresh + \"\\\"}\")");
        // the password typed in and the API key nothing gave are the person's to set, with a comment
        assertThat(java).contains("json(env(\"SHOP_USER_PASSWORD\"))").contains("env(\"SHOP_USER_API_KEY\")")
                .contains("// password (sent in the field password of the JSON body; no recorded response gave it)")
                .contains("\\\"email\\\":\\\"demo@example.com\\\"");
        // the cookie the session set is taken from that response
        assertThat(java).contains("sidCookie = cookie(r1, \"sid\");").contains(".header(\"Cookie\", \"sid=\" + sidCookie)");
        assertThat(c.secrets()).isEqualTo(8);
    }

    @Test
    void browserNoiseStaticAssetsAndOtherHostsAreLeftOut() throws Exception {
        Conversion c = Converter.convert(har("shop.har"), ConvertOptions.defaults("ShopUser"));
        assertThat(c.source()).doesNotContain("User-Agent", "sec-ch-ua", "Accept-Encoding", "Connection", "Accept-Language",
                "app.css", "app.js", "favicon", "analytics.test/collect")
                .contains(".header(\"X-Request-Source\", \"web\")").contains(".header(\"Accept\", \"application/json\")");
        assertThat(c.leftOutStatic()).isEqualTo(3);
        assertThat(c.leftOutHosts()).containsExactlyEntriesOf(java.util.Map.of("http://analytics.test", 1));
        assertThat(c.requests()).isEqualTo(8);
    }

    @Test
    void stepsFollowPagesAndPausesWithTheRecordedThinkTimes() throws Exception {
        String java = Converter.convert(har("shop.har"), ConvertOptions.defaults("ShopUser")).source();
        // page 1: GET / and /session together, the log-in 2 s later, products 1.6 s after; page 2: comment, refresh+report
        assertThat(java).contains("void home()").contains("void logIn()").contains("void products()")
                .contains("void postProductsComments()").contains("void postTokenRefresh()");
        assertThat(java).contains("think(2.1);").contains("think(1.6);").contains("think(2.1);");
        assertThat(java).contains("home();\n        logIn();\n    }").contains("@Task(order = 1)\n        void products()");
        assertThat(java).contains(".name(\"/api/v1/products/[id]/\")");
    }

    @Test
    void flagsKeepStaticAssetsAndOtherHosts() throws Exception {
        ConvertOptions all = new ConvertOptions("ShopUser", true, Set.of("analytics.test"), false, null, 1000);
        Conversion c = Converter.convert(har("shop.har"), all);
        assertThat(c.source()).contains("\"/app.css\"").contains("\"http://analytics.test/collect\"")
                .contains("// recorded with status 404");
        assertThat(c.requests()).isEqualTo(12);
        assertThat(Compiled.errors("ShopUser", c.source(), dir)).isEmpty();
    }

    @Test
    void badInputGetsOneLine() throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.har"), "<html>");
        Path notHar = Files.writeString(dir.resolve("b.har"), "{\"log\":{}}");
        assertThatThrownBy(() -> Converter.convert(dir.resolve("missing.har"), ConvertOptions.defaults("A")))
                .isInstanceOf(HarException.class).hasMessageEndingWith("missing.har: no such file");
        assertThatThrownBy(() -> Converter.convert(notJson, ConvertOptions.defaults("A")))
                .isInstanceOf(HarException.class).hasMessageContaining("is not a HAR file (not JSON");
        assertThatThrownBy(() -> Converter.convert(notHar, ConvertOptions.defaults("A")))
                .isInstanceOf(HarException.class).hasMessageContaining("is not a HAR file (no log.entries)");
        ConvertOptions elsewhere = new ConvertOptions("A", false, Set.of(), false, "http://other.test:9", 1000);
        assertThatThrownBy(() -> Converter.convert(har("shop.har"), elsewhere))
                .isInstanceOf(HarException.class).hasMessageContaining("has no requests to http://other.test:9");
        assertThatThrownBy(() -> Converter.convert(har("shop.har"), ConvertOptions.defaults("shop-user")))
                .isInstanceOf(HarException.class).hasMessageContaining("is not a Java class name");
    }
}
