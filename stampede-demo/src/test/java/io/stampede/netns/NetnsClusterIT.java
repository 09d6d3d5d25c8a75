package io.stampede.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.testkit.TargetServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master and three worker processes on separate "hosts" (network namespaces this test makes, on a
 * bridge of its own), against a target server on a fourth: the master's merged count is exactly what
 * the server received, every worker's requests reached the server from that worker's own address,
 * and the summary and the JSON come from the master only. Skipped, saying why, where namespaces
 * cannot be made (not root, no {@code ip}).
 */
@Timeout(120)
class NetnsClusterIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final int TARGET = 2;
    private static final int MASTER = 3;
    private static final int[] WORKERS = {11, 12, 13};

    @TempDir
    Path dir;

    @Test
    void workersOnTheirOwnHostsAddUpToWhatTheServerSaw() throws Exception {
        Path cliJar = ROOT.resolve("stampede-cli/target/stampede.jar");
        assumeTrue(Files.exists(cliJar), "the CLI jar is built by this reactor");
        List<Process> processes = new ArrayList<>();
        try (Netns net = new Netns()) {
            Optional<String> cannot = net.open();
            assumeTrue(cannot.isEmpty(), () -> "no network namespaces here: " + cannot.orElseThrow());
            try {
                run(net, cliJar, processes);
            } finally {
                for (Process p : processes) {
                    p.destroyForcibly(); // ended already, unless the test failed: nothing may keep a namespace alive
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private void run(Netns net, Path cliJar, List<Process> processes) throws Exception {
        String targetNs = net.host("target", TARGET);
        String masterNs = net.host("master", MASTER);
        List<String> workerNs = new ArrayList<>();
        for (int w = 0; w < WORKERS.length; w++) {
            workerNs.add(net.host("w" + (w + 1), WORKERS[w]));
        }

        Process target = new ProcessBuilder(Netns.inside(targetNs, JAVA, "-cp", classpathOf(NetnsTarget.class)
                + File.pathSeparator + classpathOf(TargetServer.class), NetnsTarget.class.getName(),
                Netns.address(TARGET))).redirectError(dir.resolve("target.err").toFile()).start();
        processes.add(target);
        BlockingQueue<String> targetOut = lines(target);
        Writer targetIn = new OutputStreamWriter(target.getOutputStream(), StandardCharsets.UTF_8);
        String listening = next(targetOut);
        assertThat(listening).as(read("target.err")).startsWith("listening http://" + Netns.address(TARGET) + ":");
        String url = listening.substring("listening ".length());

        Path scenario = dir.resolve("Spread.java");
        Files.writeString(scenario, """
                import io.stampede.*;
                public class Spread extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.05); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
        Path json = dir.resolve("master.json");
        Process master = start(masterNs, "master", JAVA, "-jar", cliJar.toString(), "-f", scenario.toString(), "-H", url,
                "-u", "6", "-r", "100", "-t", "4s", "--headless", "--json-file", json.toString(), "--master",
                "--master-bind-host", Netns.address(MASTER), "--expect-workers", "3", "--expect-workers-max-wait", "60s",
                "--cluster-token", "netns-s3cret");
        processes.add(master);
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS.length; w++) {
            Process p = start(workerNs.get(w), "w" + (w + 1), JAVA, "-jar", cliJar.toString(), "--worker",
                    "--master-host", Netns.address(MASTER), "--cluster-token", "netns-s3cret", "--capacity", "1");
            processes.add(p);
            workers.add(p);
        }

        assertThat(master.waitFor(90, TimeUnit.SECONDS)).as("the master finishes: %s", read("master.err")).isTrue();
        assertThat(master.exitValue()).as(read("master.err")).isZero();
        for (int w = 0; w < workers.size(); w++) {
            String name = "w" + (w + 1);
            assertThat(workers.get(w).waitFor(30, TimeUnit.SECONDS)).as("%s leaves after its master: %s", name,
                    read(name + ".err")).isTrue();
            assertThat(workers.get(w).exitValue()).as(read(name + ".err")).isZero();
        }

        targetIn.write("counts\n");
        targetIn.flush();
        Map<String, Long> from = new TreeMap<>();
        long total = -1;
        for (String line = next(targetOut); !line.equals("end"); line = next(targetOut)) {
            String[] f = line.split(" ");
            if (f[0].equals("from")) {
                from.put(f[1], Long.parseLong(f[2]));
            } else if (f[0].equals("total")) {
                total = Long.parseLong(f[1]);
            }
        }
        targetIn.close(); // the server ends with its standard input

        String masterErr = read("master.err");
        // the master saw each worker come from its own host
        for (int w = 0; w < WORKERS.length; w++) {
            assertThat(masterErr).contains("w" + (w + 1) + " (" + Netns.address(WORKERS[w]) + ":");
        }
        // every request came from a worker's own address, and each worker sent some
        assertThat(from.keySet()).containsExactlyInAnyOrder(Netns.address(WORKERS[0]), Netns.address(WORKERS[1]),
                Netns.address(WORKERS[2]));
        assertThat(from.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(from.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        JsonNode aggregated = null;
        for (JsonNode e : doc.get("stats")) {
            if (e.get("name").asText().equals("Aggregated")) {
                aggregated = e;
            }
        }
        assertThat(aggregated).as(masterErr).isNotNull();
        System.err.printf("netns cluster: the server saw %d requests, by client address %s; the master merged %d%n", total,
                from, aggregated.get("num_requests").asLong());
        assertThat(aggregated.get("num_requests").asLong()).as(masterErr).isPositive().isEqualTo(total);
        assertThat(aggregated.get("num_failures").asLong()).isZero();

        // the summary is the master's: printed by it, by no worker
        assertThat(read("master.out")).contains("Aggregated").contains(String.valueOf(total));
        for (int w = 0; w < WORKERS.length; w++) {
            assertThat(read("w" + (w + 1) + ".out")).doesNotContain("Aggregated");
        }
    }

    /** Starts a command inside a namespace, its output in NAME.out and NAME.err, named NAME in the cluster. */
    private Process start(String ns, String name, String... command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(Netns.inside(ns, command)).directory(ROOT.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        b.environment().put("HOSTNAME", name);
        return b.start();
    }

    /** The process's standard output, line by line, read on a thread of its own so no wait here is unbounded. */
    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process went: next() says so
            }
        });
        return lines;
    }

    private String next(BlockingQueue<String> lines) throws Exception {
        String line = lines.poll(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the target server said nothing for 30 s: " + read("target.err"));
        }
        return line;
    }

    private String read(String file) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    private static String classpathOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
