package io.stampede.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees: the demo script ('bin/stampede demo' hands over to bin/demo once the jars are
 * built) starts the demo API, load-tests it with examples/demo/ShopUser.java, prints the tables, writes
 * the CSV and JSON files and stops the API again. Runs after packaging, on the jars this build made.
 */
class DemoCommandIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path results;

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
        return pb.start();
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
}
