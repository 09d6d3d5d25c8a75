package io.stampede.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.demo.http.DemoServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees: the demo script ('bin/stampede demo' hands over to bin/demo once the jars are
 * built) starts the demo API, load-tests it with examples/demo/ShopUser.java, prints the tables, writes
 * the CSV and JSON files and stops the API again. Runs after packaging, on the jars this build made.
 * The script's API is its own process and tells no one how many requests it served, so the count the
 * tool reports is compared with the API's in a run of bin/stampede against an API started here.
 */
@Timeout(300)
class DemoCommandIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path results;

    private final List<Process> started = new ArrayList<>();

    /** A test that failed half-way leaves nothing running: the script, its API and its run. */
    @AfterEach
    void stopWhatWasStarted() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Starts bin/demo on the jars this build made, its output going to out.txt in the results folder. */
    private Process startDemo(String... runFlags) throws Exception {
        Path cliJar = ROOT.resolve("stampede-cli/target/stampede.jar");
        Path demoJar = ROOT.resolve("stampede-demo/target/stampede-demo.jar");
        assumeTrue(Files.exists(cliJar) && Files.exists(demoJar), "the CLI and demo jars are built by this reactor");
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("bin/demo").toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), cliJar.toString(), demoJar.toString()));
        command.addAll(List.of(runFlags));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(results.resolve("out.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("STAMPEDE_RESULTS", results.toString());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    @Test
    void theDemoRunsALoadTestAndTheReportIsTheSlowRow() throws Exception {
        Process p = startDemo("-u", "20", "-r", "10", "-t", "12s", "--live-interval", "4s");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the demo finishes by itself").isTrue();
        String out = Files.readString(results.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isZero();

        Matcher m = Pattern.compile("Demo API running at http://127\\.0\\.0\\.1:(\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        int port = Integer.parseInt(m.group(1));
        assertThat(out).contains("Aggregated").contains("/api/v1/reports/fees").contains("Response time percentiles");
        for (String f : List.of("demo_stats.csv", "demo_stats_history.csv", "demo_failures.csv", "demo_exceptions.csv", "demo.json")) {
            assertThat(results.resolve(f)).as(f).exists();
        }

        // per endpoint: requests happened, nothing failed, and the uncached fee report is the slow one
        Map<String, double[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(results.resolve("demo_stats.csv"));
        assertThat(lines.get(0)).startsWith("Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            rows.put(c[1], new double[] {Double.parseDouble(c[2]), Double.parseDouble(c[3]), Double.parseDouble(c[5]),
                    Double.parseDouble(c[9])});
        }
        assertThat(rows).containsKeys("/api/v1/auth/token/", "/api/v1/products/", "/api/v1/products/[id]/",
                "/api/v1/reports/fees", "Aggregated");
        assertThat(rows.get("/api/v1/auth/token/")[0]).as("one login per user").isEqualTo(20);
        assertThat(rows.get("Aggregated")[1]).as("failures").isZero();
        assertThat(rows.get("Aggregated")[3]).as("requests/s").isGreaterThan(5);
        double report = rows.get("/api/v1/reports/fees")[2];
        for (String name : List.of("/api/v1/products/", "/api/v1/products/[id]/", "/api/v1/products/comments/")) {
            assertThat(report).as("the report's average against %s", name).isGreaterThan(3 * rows.get(name)[2]);
        }
        JsonNode json = new ObjectMapper().readTree(results.resolve("demo.json").toFile());
        assertThat(json.get("stats").size()).isEqualTo(rows.size());

        // and the API is gone again
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            throw new AssertionError("the demo API still listens on " + port);
        } catch (java.io.IOException expected) {
            // closed, as it should be
        }
    }

    @Test
    void aSignalToTheDemoEndsTheRunWithItsResultsAndStopsTheApi() throws Exception {
        Process p = startDemo("-u", "10", "-r", "10", "-t", "5m", "--live-interval", "1s");
        Path outFile = results.resolve("out.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // two live tables (one a second) with all ten users: logged in and at their tasks
        while (Files.readString(outFile).split("\\] 10 users", -1).length < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        String before = Files.readString(outFile);
        assertThat(before.split("\\] 10 users", -1)).as("the run got going: %s", before).hasSizeGreaterThanOrEqualTo(3);
        Matcher m = Pattern.compile("Demo API running at http://127\\.0\\.0\\.1:(\\d+)").matcher(before);
        assertThat(m.find()).isTrue();
        p.destroy(); // SIGTERM to the script, as a CI timeout or kill sends it
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the demo ends soon after the signal").isTrue();
        String out = Files.readString(outFile);
        assertThat(out).contains("Run ended (interrupted)").contains("Response time percentiles").contains("Results: ");
        List<String> stats = Files.readAllLines(results.resolve("demo_stats.csv"));
        String aggregated = stats.get(stats.size() - 1);
        assertThat(aggregated).startsWith(",Aggregated,");
        assertThat(Long.parseLong(aggregated.split(",")[2])).as("requests kept").isGreaterThan(10);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))), 500);
            throw new AssertionError("the demo API still listens");
        } catch (java.io.IOException expected) {
            // stopped with the script
        }
    }

    @Test
    void theLauncherRunsTheDemoScenarioAndCountsExactlyWhatTheApiServed() throws Exception {
        Path cliJar = ROOT.resolve("stampede-cli/target/stampede.jar");
        assumeTrue(Files.exists(cliJar), "the CLI jar is built by this reactor");
        assumeTrue(!launcherWouldRebuild(cliJar), "bin/stampede would rebuild the CLI first: its jar is older than its sources");
        DemoConfig config = new DemoConfig(0, "127.0.0.1", 30, Duration.ofSeconds(5), Duration.ofMillis(100), false, null,
                "sa", "", Duration.ofMinutes(5), Duration.ofDays(1));
        try (DemoServer api = new DemoServer(config)) {
            long before = api.requestsServed();
            Path json = results.resolve("launcher.json");
            ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("bin/stampede").toString(),
                    "-f", "examples/demo/ShopUser.java", "-H", api.url(), "-u", "10", "-r", "10", "-t", "6s",
                    "--headless", "--only-summary", "--json-file", json.toString())
                    .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(results.resolve("out.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("STAMPEDE_JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("STAMPEDE_CACHE_DIR", results.resolve("cache").toString());
            pb.environment().remove("STAMPEDE_JAVA_OPTS");
            Process p = pb.start();
            started.add(p);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the run finishes by itself").isTrue();
            String out = Files.readString(results.resolve("out.txt"));
            assertThat(p.exitValue()).as(out).isZero();

            JsonNode doc = new ObjectMapper().readTree(json.toFile());
            Map<String, JsonNode> entries = new HashMap<>();
            doc.get("stats").forEach(e -> entries.put(e.get("name").asText(), e));
            assertThat(entries).as(out).containsKeys("/api/v1/auth/token/", "Aggregated");
            assertThat(entries.get("/api/v1/auth/token/").get("num_requests").asLong()).as("one login per user").isEqualTo(10);
            JsonNode total = entries.get("Aggregated");
            assertThat(total.get("num_failures").asLong()).as(out).isZero();
            assertThat(total.get("num_requests").asLong()).as(out).isGreaterThan(10)
                    .isEqualTo(api.requestsServed() - before);
        }
    }

    /** bin/stampede's own test: a main source or pom of the CLI's modules newer than the jar means "build first". */
    private static boolean launcherWouldRebuild(Path jar) throws IOException {
        FileTime built = Files.getLastModifiedTime(jar);
        for (String module : List.of("stampede-api", "stampede-core", "stampede-http", "stampede-report", "stampede-cli")) {
            Path dir = ROOT.resolve(module);
            try (Stream<Path> files = Files.walk(dir)) {
                boolean newer = files.filter(Files::isRegularFile).filter(f -> {
                    String rel = dir.relativize(f).toString().replace(File.separatorChar, '/');
                    return !rel.startsWith("target/") && !rel.startsWith("src/test/")
                            && (rel.endsWith(".java") || rel.endsWith("pom.xml") || rel.contains("/resources/"));
                }).anyMatch(f -> newerThan(f, built));
                if (newer) {
                    return true;
                }
            }
        }
        return newerThan(ROOT.resolve("pom.xml"), built);
    }

    private static boolean newerThan(Path file, FileTime time) {
        try {
            return Files.getLastModifiedTime(file).compareTo(time) > 0;
        } catch (IOException e) {
            return true;
        }
    }
}
