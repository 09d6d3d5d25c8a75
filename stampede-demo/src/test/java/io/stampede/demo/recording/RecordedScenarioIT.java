package io.stampede.demo.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.demo.DemoConfig;
import io.stampede.demo.http.DemoServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Recorded scenarios end to end: headless Chromium uses the demo shop's front end (a page that logs
 * in with a JWT and calls the demo API with fetch() at a person's pace), its network events become a
 * HAR file ({@link ChromiumHar}), {@code stampede convert} turns that into a scenario, and the
 * stampede command this build made compiles and runs it against the recorded host. The demo API's own
 * counts per endpoint must be what Stampede reports, every user must have logged in once, the page's
 * analytics host must get nothing, and neither the password nor a token of the recording may be in the
 * .java file. Skipped, saying why, where Debian's chromium and chromedriver are not installed.
 */
@Timeout(180)
class RecordedScenarioIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 2;

    @TempDir
    Path dir;

    @Test
    void aRecordingMadeInChromiumRunsAsAScenarioAgainstTheDemoApi() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "needs Debian's chromium and"
                + " chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        Path cliJar = ROOT.resolve("stampede-cli/target/stampede.jar");
        assumeTrue(Files.exists(cliJar), "the CLI jar is built by this reactor");
        DemoConfig config = new DemoConfig(0, "127.0.0.1", 30, Duration.ofSeconds(5), Duration.ofMillis(100), false, null,
                "sa", "", Duration.ofMinutes(5), Duration.ofDays(1));
        try (DemoServer api = new DemoServer(config); ShopFrontEnd front = new ShopFrontEnd(api.url())) {
            ObjectNode har = record(front.url() + "/?analytics=" + front.analyticsUrl());
            Path harFile = dir.resolve("shop.har");
            JSON.writerWithDefaultPrettyPrinter().writeValue(harFile.toFile(), har);
            Files.createDirectories(Path.of("target", "recordings"));
            Files.copy(harFile, Path.of("target", "recordings", "shop.har"), StandardCopyOption.REPLACE_EXISTING);
            String access = loginResponse(har).get("access").asText();
            String refresh = loginResponse(har).get("refresh").asText();
            assertThat(access).startsWith("eyJ");
            assertThat(front.analyticsCount()).as("the page's beacon reached the other host").isEqualTo(1);

            Path java = dir.resolve("RecordedShopper.java");
            Result convert = stampede(dir, Map.of(), cliJar, "convert", harFile.toString(), "-o", java.toString());
            assertThat(convert.exit).as(convert.output).isZero();
            String source = Files.readString(java);
            Files.copy(java, Path.of("target", "recordings", "RecordedShopper.java"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(source).as("no secret of the recording is written")
                    .doesNotContain(access, refresh, "\\\"password\\\":\\\"demo\\\"")
                    .contains("@Host(\"" + front.url() + "\")")
                    .contains("access = r1.json().get(\"access\").asText();")
                    .contains("env(\"RECORDED_SHOPPER_PASSWORD\")")
                    .contains("Left out: 4 static assets (--include-static keeps them); 1 request to " + front.analyticsUrl())
                    .doesNotContain("app.js", "app.css", "logo.svg", "favicon", front.analyticsUrl() + "/collect", "User-Agent", "sec-ch-ua");

            List<String> routes = List.of("POST /api/v1/auth/token/", "GET /api/v1/products/", "GET /api/v1/products/comments/",
                    "POST /api/v1/reports/fees", "GET /api/v1/reports/fees");
            Map<String, Long> before = counts(api, routes);
            long productBefore = productViews(api);
            long pageBefore = front.count("site", "GET", "/");
            Path stats = dir.resolve("stats.json");
            Result run = stampede(dir, Map.of("RECORDED_SHOPPER_PASSWORD", "demo"), cliJar, "-f", java.toString(),
                    "-u", Integer.toString(USERS), "-r", "10", "-t", "12s", "--headless", "--only-summary",
                    "--json-file", stats.toString());
            assertThat(run.exit).as(run.output).isZero();
            JsonNode doc = JSON.readTree(stats.toFile());
            assertThat(doc.get("exceptions").size()).as(run.output).isZero();
            assertThat(entry(doc, "Aggregated").get("num_failures").asLong()).as(run.output).isZero();

            // each user logged in once (onStart), with the password from the environment, and loaded the page once
            assertThat(api.requestsServed("POST", "/api/v1/auth/token/") - before.get("POST /api/v1/auth/token/")).isEqualTo(USERS);
            assertThat(front.count("site", "GET", "/") - pageBefore).isEqualTo(USERS);
            // what the API received per endpoint is what Stampede counted, and the journey got past its first steps
            long products = api.requestsServed("GET", "/api/v1/products/") - before.get("GET /api/v1/products/");
            assertThat(products).isPositive().isEqualTo(requests(doc, "/api/v1/products/"));
            assertThat(productViews(api) - productBefore).isPositive().isEqualTo(requests(doc, "/api/v1/products/[id]/"));
            assertThat(api.requestsServed("GET", "/api/v1/products/comments/") - before.get("GET /api/v1/products/comments/"))
                    .isEqualTo(requests(doc, "/api/v1/products/comments/"));
            assertThat(api.requestsServed("GET", "/api/v1/reports/fees") - before.get("GET /api/v1/reports/fees"))
                    .isEqualTo(requests(doc, "/api/v1/reports/fees"));
            assertThat(front.analyticsCount()).as("nothing went to the left-out host").isEqualTo(1);
            assertThat(front.count("site", "GET", "/app.js")).as("the browser's one load, no more").isEqualTo(1);
        }
    }

    /** Opens the shop in Chromium, waits for its visit to end, and returns the HAR of what the browser did. */
    private ObjectNode record(String url) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        try {
            chrome.get("about:blank");
            chrome.manage().logs().get("performance"); // the browser's own start-up pages are not the recording
            chrome.get(url);
            String state = new WebDriverWait(chrome, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> {
                String s = d.findElement(By.id("state")).getText();
                return s.equals("done") || s.startsWith("failed") ? s : null;
            });
            assertThat(state).isEqualTo("done");
            return ChromiumHar.from(chrome);
        } finally {
            try {
                chrome.quit();
            } finally {
                service.stop();
            }
        }
    }

    private static JsonNode loginResponse(ObjectNode har) throws Exception {
        for (JsonNode e : ChromiumHar.entries(har)) {
            if (e.path("request").path("url").asText().endsWith("/api/v1/auth/token/")) {
                assertThat(e.path("request").path("postData").path("text").asText()).contains("\"password\":\"demo\"");
                return JSON.readTree(e.path("response").path("content").path("text").asText());
            }
        }
        throw new AssertionError("the recording has no log-in: " + har);
    }

    private static Map<String, Long> counts(DemoServer api, List<String> routes) {
        Map<String, Long> m = new java.util.HashMap<>();
        for (String r : routes) {
            String[] mp = r.split(" ");
            m.put(r, api.requestsServed(mp[0], mp[1]));
        }
        return m;
    }

    /** GET /api/v1/products/{id}/ for the ids the page may have opened (the first page's). */
    private static long productViews(DemoServer api) {
        long n = 0;
        for (int id = 1; id <= 100; id++) {
            n += api.requestsServed("GET", "/api/v1/products/" + id + "/");
        }
        return n;
    }

    private static long requests(JsonNode doc, String name) {
        for (JsonNode e : doc.get("stats")) {
            if (e.get("name").asText().equals(name)) {
                return e.get("num_requests").asLong();
            }
        }
        return 0;
    }

    private static JsonNode entry(JsonNode doc, String name) {
        for (JsonNode e : doc.get("stats")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no statistics row " + name + " in " + doc);
    }

    private record Result(int exit, String output) {
    }

    private static Result stampede(Path dir, Map<String, String> env, Path cliJar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", cliJar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stampede", ".txt");
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        b.environment().put("STAMPEDE_STORE", "off");
        b.environment().put("STAMPEDE_CACHE_DIR", "off");
        b.environment().putAll(env);
        Process p = b.start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("stampede %s finishes by itself", args[0]).isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(out));
    }
}
