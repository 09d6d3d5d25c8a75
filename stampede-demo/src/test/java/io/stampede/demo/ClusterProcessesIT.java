package io.stampede.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master and its workers as separate {@code java -jar stampede.jar} processes on loopback, against
 * a server that counts what it answered per worker process: a worker SIGKILLed mid-run, the master
 * SIGKILLed mid-run, and a master run's files and exit code against a local run's. (That the merged
 * percentiles equal those of one histogram of every raw sample is ClusterRunTest's, in
 * stampede-cluster: it needs the raw samples, which only an in-process test can see.)
 */
@Timeout(180)
class ClusterProcessesIT {
    private static final String TOKEN = "it-token";
    private static final String SCENARIO = "stampede-demo/src/test/resources/cluster/TaggedUser.java";

    @TempDir
    Path dir;

    private final List<StampedeProcess> processes = new ArrayList<>();

    @BeforeEach
    void jarBuilt() {
        assumeTrue(Files.exists(StampedeProcess.CLI_JAR), "the CLI jar is built by this reactor");
    }

    @Test
    void aWorkerKilledMidRunIsNamedItsUsersMoveAndTheCountStaysExact() throws Exception {
        try (TaggedWorkServer server = new TaggedWorkServer()) {
            int port = freePort();
            StampedeProcess master = master(server, port, 3, "-u", "6", "-r", "6", "-t", "16s");
            List<StampedeProcess> workers = List.of(worker("w1", port), worker("w2", port), worker("w3", port));
            try {
                master.awaitOutput("3 workers connected", Duration.ofSeconds(60));
                StampedeProcess victim = workers.get(1);
                victim.awaitOutput("worker w2: connected", Duration.ofSeconds(10));
                await("w2 does work", () -> server.answered(victim.process.pid()) >= 20);
                // What a SIGKILLed worker measured in its last second never reaches anyone. Holding its
                // requests unanswered for 2.5 s first (its heartbeats and intervals still flow) makes that
                // zero, so the count must come out exact: nothing the master had from w2 may be lost.
                server.hold(victim.process.pid());
                Thread.sleep(2500);
                long answeredByVictim = server.answered(victim.process.pid());
                long killedAtSecond = System.currentTimeMillis() / 1000;
                victim.process.destroyForcibly(); // SIGKILL
                assertThat(victim.exitCode(Duration.ofSeconds(10))).isEqualTo(137);

                assertThat(master.exitCode(Duration.ofSeconds(60))).as(master.output()).isZero();
                String out = master.output();
                assertThat(out).containsPattern("worker w2 \\(127\\.0\\.0\\.1:\\d+\\) lost: its connection broke")
                        .contains("its 2 users go to the others")
                        .containsPattern("1 worker was lost during this run .*: w2 \\(127\\.0\\.0\\.1:\\d+\\): its connection broke");
                // the run went on after the loss with all 6 users, now 3 and 3 on w1 and w3
                List<Long> usersAfter = new ArrayList<>();
                for (String[] row : csvRows(dir.resolve("m_stats_history.csv"))) {
                    long at = Long.parseLong(row[0]);
                    if (row[3].equals("Aggregated") && at >= killedAtSecond + 3 && at <= killedAtSecond + 7) {
                        usersAfter.add(Long.parseLong(row[1]));
                    }
                }
                assertThat(usersAfter).as("User Count after w2 was lost").isNotEmpty().containsOnly(6L);

                JsonNode total = aggregated(dir.resolve("m.json"));
                System.err.printf("server answered %d (w2 %d before its kill, %d held and never answered); merged %d%n",
                        server.answered(), answeredByVictim, server.received() - server.answered(),
                        total.get("num_requests").asLong());
                assertThat(answeredByVictim).isPositive().isEqualTo(server.answered(victim.process.pid()));
                assertThat(total.get("num_failures").asLong()).isZero();
                assertThat(total.get("num_requests").asLong()).as(out).isGreaterThan(500).isEqualTo(server.answered());
                for (StampedeProcess w : List.of(workers.get(0), workers.get(2))) {
                    assertThat(w.exitCode(Duration.ofSeconds(15))).as(w.output()).isZero();
                }
            } finally {
                processes.forEach(StampedeProcess::close);
            }
        }
    }

    @Test
    void aMasterKilledMidRunStopsEveryWorkersLoadWithinFiveSeconds() throws Exception {
        try (TaggedWorkServer server = new TaggedWorkServer()) {
            int port = freePort();
            StampedeProcess master = master(server, port, 3, "-u", "6", "-r", "6", "-t", "2m");
            List<StampedeProcess> workers = List.of(worker("w1", port), worker("w2", port), worker("w3", port));
            try {
                master.awaitOutput("3 workers connected", Duration.ofSeconds(60));
                await("every worker does work", () -> workers.stream().allMatch(w -> server.answered(w.process.pid()) >= 20));
                long killed = System.nanoTime();
                master.process.destroyForcibly(); // SIGKILL
                for (StampedeProcess w : workers) {
                    w.exitCode(Duration.ofSeconds(10)); // they end by themselves
                    assertThat(w.output()).contains("the connection to the master broke");
                }
                long received = server.received();
                Thread.sleep(1000);
                server.server.catchUp();
                assertThat(server.received()).as("nothing after the workers ended").isEqualTo(received);
                long lastAfterKillMillis = (server.lastArrivalNanos() - killed) / 1_000_000;
                System.err.printf("the last request reached the server %d ms after the master was killed%n", lastAfterKillMillis);
                assertThat(lastAfterKillMillis).as("load stopped at the server within 5 s").isLessThan(5000);
            } finally {
                processes.forEach(StampedeProcess::close);
            }
        }
    }

    @Test
    void aMasterRunWritesTheFilesOfALocalRunAndFailsItsThresholdTheSameWay() throws Exception {
        try (TaggedWorkServer server = new TaggedWorkServer()) {
            List<String> run = List.of("-u", "2", "-r", "2", "-t", "3s", "--threshold", "rps>1000000");
            StampedeProcess local = start("local", Stream.concat(Stream.of("-f", SCENARIO, "-H", server.url(),
                    "--headless", "--only-summary", "--csv", dir.resolve("l").toString(), "--json-file",
                    dir.resolve("l.json").toString()), run.stream()).toList());
            int localExit;
            try {
                localExit = local.exitCode(Duration.ofSeconds(60));
            } finally {
                local.close();
            }
            long localAnswered = server.answered();
            int port = freePort();
            StampedeProcess master = master(server, port, 1, run.toArray(String[]::new));
            worker("w1", port);
            try {
                int masterExit = master.exitCode(Duration.ofSeconds(60));
                assertThat(localExit).as(local.output()).isEqualTo(4); // ExitCodes.THRESHOLD_FAILED
                assertThat(masterExit).as(master.output()).isEqualTo(localExit);
                assertThat(master.output()).contains("rps>1000000");
                for (String file : List.of("_stats.csv", "_stats_history.csv", "_failures.csv", "_exceptions.csv")) {
                    assertThat(Files.readAllLines(dir.resolve("m" + file)).getFirst()).as(file)
                            .isEqualTo(Files.readAllLines(dir.resolve("l" + file)).getFirst());
                }
                JsonNode localDoc = new ObjectMapper().readTree(dir.resolve("l.json").toFile());
                JsonNode masterDoc = new ObjectMapper().readTree(dir.resolve("m.json").toFile());
                assertThat(shape(masterDoc, "")).isEqualTo(shape(localDoc, ""));
                assertThat(aggregated(dir.resolve("m.json")).get("num_requests").asLong()).isPositive()
                        .isEqualTo(server.answered() - localAnswered);
                assertThat(aggregated(dir.resolve("l.json")).get("num_requests").asLong()).isEqualTo(localAnswered);
            } finally {
                processes.forEach(StampedeProcess::close);
            }
        }
    }

    private StampedeProcess master(TaggedWorkServer server, int port, int workers, String... run) throws IOException {
        List<String> args = new ArrayList<>(List.of("-f", SCENARIO, "-H", server.url(), "--master", "--master-bind-host",
                "127.0.0.1", "--master-bind-port", String.valueOf(port), "--expect-workers", String.valueOf(workers),
                "--expect-workers-max-wait", "60s", "--cluster-token", TOKEN, "--headless", "--only-summary",
                "--csv", dir.resolve("m").toString(), "--json-file", dir.resolve("m.json").toString()));
        args.addAll(List.of(run));
        return start("master", args);
    }

    private StampedeProcess worker(String node, int port) throws IOException {
        return start(node, List.of("--worker", "--master-host", "127.0.0.1", "--master-port", String.valueOf(port),
                "--cluster-token", TOKEN, "--capacity", "1"));
    }

    private StampedeProcess start(String node, List<String> args) throws IOException {
        StampedeProcess p = StampedeProcess.start(dir, node, args);
        processes.add(p);
        return p;
    }

    private static JsonNode aggregated(Path json) throws IOException {
        for (JsonNode e : new ObjectMapper().readTree(json.toFile()).get("stats")) {
            if (e.get("name").asText().equals("Aggregated")) {
                return e;
            }
        }
        throw new AssertionError("no Aggregated entry in " + json);
    }

    /** Every field path of a JSON document (an array's by its first element): its shape, not its values. */
    private static TreeSet<String> shape(JsonNode node, String path) {
        TreeSet<String> paths = new TreeSet<>();
        paths.add(path + ":" + node.getNodeType());
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                // percentiles and histogram buckets are keyed by value, and values differ between two runs
                if (!name.matches("\\d.*")) {
                    paths.addAll(shape(node.get(name), path + "." + name));
                }
            }
        } else if (node.isArray() && !node.isEmpty()) {
            paths.addAll(shape(node.get(0), path + "[]"));
        }
        return paths;
    }

    private static List<String[]> csvRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(l -> l.replace("\"", "").split(",", -1)).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
