package io.stampede.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.stampede.testkit.TargetServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image jib:buildTar wrote, unpacked as a runtime unpacks it, checked (a non-root user, the
 * entrypoint, who may write where), then run: its entrypoint in a chroot of its root file system as
 * its user, alone against a test server, and as the chart's master and workers (in both of the
 * chart's modes) with the arguments, environment, Secret and ConfigMap the chart renders.
 */
@Timeout(180)
class ImageIT {
    static final String FAST_USER = """
            import io.stampede.*;

            public class FastUser extends HttpUser {
                @Override
                protected WaitTime waitTime() {
                    return WaitTime.constant(0.05);
                }

                @Task
                void fast() {
                    client.get("/fast");
                }
            }
            """;

    @TempDir
    static Path dir;
    static ImageTar image;
    static int uid;

    @BeforeAll
    static void unpack() throws IOException {
        Path tar = Path.of(System.getProperty("stampede.image.tar", "target/jib-image.tar"));
        assertThat(tar).as("the image tar of jib:buildTar (package phase)").isRegularFile();
        long start = System.nanoTime();
        image = ImageTar.unpack(tar, dir);
        System.out.printf("image unpacked in %d ms: %d entries, %d MB tar%n", (System.nanoTime() - start) / 1_000_000,
                image.entries().size(), Files.size(tar) >> 20);
        uid = Integer.getInteger("stampede.image.uid", 10001);
    }

    @Test
    void theImageRunsStampedesJarOnItsOwnJavaAsANonRootUserThatCanWriteOnlyTmp() throws IOException {
        assertThat(image.manifest().get(0).get("RepoTags").get(0).asText()).isEqualTo("stampede:0.1.0-SNAPSHOT");
        assertThat(image.user()).isEqualTo(uid + ":" + uid);
        assertThat(uid).isNotZero();
        assertThat(image.entrypoint()).startsWith("/opt/java/bin/java").endsWith("-jar", "/app/stampede.jar");
        assertThat(image.config().get("config").get("WorkingDir").asText()).isEqualTo("/tmp");
        assertThat(image.config().get("architecture").asText()).isEqualTo("amd64");
        assertThat(image.env()).contains("LANG=C.UTF-8", "HOME=/tmp");
        assertThat(Files.readAllLines(image.root().resolve("etc/passwd")))
                .contains("stampede:x:" + uid + ":" + uid + ":Stampede:/tmp:/sbin/nologin");

        // everything belongs to root; the image's user can write /tmp and nothing else
        assertThat(image.entries().values()).allSatisfy(e -> assertThat(e.uid()).as(e.path()).isZero());
        assertThat(image.entries().values()).filteredOn(ImageTar.Entry::writableByOthers)
                .extracting(ImageTar.Entry::path).containsExactly("/tmp");
        assertThat(image.entries().get("/opt/java/bin/java").mode()).isEqualTo(0755);
        assertThat(image.entries().get("/lib64/ld-linux-x86-64.so.2").mode()).isEqualTo(0755);
        assertThat(image.entries().get("/app/stampede.jar").size()).isEqualTo(
                Files.size(Path.of("../stampede-cli/target/stampede.jar")));

        // the runtime jlink made: javac is in it (scenarios are compiled at run time), the desktop's native parts are not
        String release = Files.readString(image.root().resolve("opt/java/release"));
        assertThat(release).contains("jdk.compiler", "java.net.http", "jdk.management", "jdk.zipfs");
        assertThat(image.entries()).doesNotContainKey("/opt/java/lib/libawt_xawt.so").containsKey("/opt/java/lib/libnet.so");
    }

    @Test
    void theEntrypointRunsAHeadlessTestInTheImagesRootAsItsUserCountedExactlyByTheServer() throws Exception {
        assumeRoot();
        Pod.prepareMountPoints(image.root(), List.of("/proc", "/dev", "/scenario"), List.of());
        Path scenario = Files.createDirectories(dir.resolve("scenario-local"));
        Files.writeString(scenario.resolve("FastUser.java"), FAST_USER);

        try (Pod version = Pod.start("version", image, command("--version"), Map.of(), Map.of(), dir)) {
            assertThat(version.waitFor(Duration.ofSeconds(60))).as(version.output()).isZero();
            assertThat(version.output()).containsPattern("stampede 0\\.1\\.0 \\(Java 2[1-9]");
        }
        try (TargetServer server = TargetServer.start();
             Pod run = Pod.start("local-run", image, command("-f", "/scenario/FastUser.java", "-H", server.url(), "-u", "3",
                     "-r", "100", "-t", "2s", "--headless", "--only-summary", "--json-file", "/tmp/run.json"),
                     Map.of(), Map.of("/scenario", scenario), dir)) {
            ProcessHandle java = awaitJava(run);
            assertThat(statusLine(java, "Uid:")).isEqualTo(uid + "\t" + uid + "\t" + uid + "\t" + uid);
            assertThat(statusLine(java, "Gid:")).isEqualTo(uid + "\t" + uid + "\t" + uid + "\t" + uid);
            assertThat(run.waitFor(Duration.ofSeconds(90))).as(run.output()).isZero();
            System.out.println(run.output());
            server.catchUp();
            long counted = aggregated(new ObjectMapper().readTree(dir.resolve("local-run-tmp/run.json").toFile()));
            assertThat(counted).as(run.output()).isPositive().isEqualTo(server.requestCount("GET", "/fast"))
                    .isEqualTo(server.requestCount());
            // written by the image's user, in the pod's own /tmp
            assertThat(Files.getOwner(dir.resolve("local-run-tmp/run.json")).getName()).isEqualTo(String.valueOf(uid));
        }
    }

    @Test
    void theChartsMasterAndTwoWorkersRunFromTheImageWithWhatTheChartGivesThem() throws Exception {
        assumeRoot();
        try (TargetServer server = TargetServer.start()) {
            Map<String, Object> values = chartValues(server, "Job", 2);
            values.put("run.users", "4");
            values.put("run.runTime", "3s");
            values.put("run.extraArgs[0]", "--json-file");
            values.put("run.extraArgs[1]", "/tmp/result.json");
            ChartPods pods = ChartPods.start(values, "job");
            try {
                Pod m = pods.master();
                assertThat(m.waitFor(Duration.ofSeconds(120))).as(m.output()).isZero();
                for (Pod w : pods.workers()) {
                    assertThat(w.waitFor(Duration.ofSeconds(30))).as(w.output()).isZero();
                }
                System.out.println(m.output());
                assertThat(m.output()).contains("2 workers connected", pods.workers().get(0).name(), pods.workers().get(1).name());
                server.catchUp();
                long counted = aggregated(new ObjectMapper().readTree(dir.resolve(m.name() + "-tmp/result.json").toFile()));
                assertThat(counted).as(m.output()).isPositive().isEqualTo(server.requestCount("GET", "/fast"))
                        .isEqualTo(server.requestCount());
                pods.assertTokenInNoLog();
            } finally {
                pods.close();
            }
        }
    }

    @Test
    void theChartsDefaultModeServesTheWebUiAndMetricsOnThePortsTheServiceNames() throws Exception {
        assumeRoot();
        try (TargetServer server = TargetServer.start()) {
            Map<String, Object> values = chartValues(server, "Deployment", 1);
            values.put("run.users", "2");
            values.put("run.runTime", "2s");
            int web = freePort();
            values.put("master.webPort", String.valueOf(web));
            ChartPods pods = ChartPods.start(values, "web");
            try {
                // --autostart ran -u/-r/-t; the master stays up with the finished run on its page
                HttpClient http = HttpClient.newHttpClient();
                JsonNode stats = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline) {
                    try {
                        stats = new ObjectMapper().readTree(get(http, "http://127.0.0.1:" + web + "/stats/requests"));
                        if (stats.get("state").asText().equals("stopped")) {
                            break;
                        }
                    } catch (IOException notYet) {
                        // the page opens once the scenario compiled and the worker joined
                    }
                    Thread.sleep(200);
                }
                assertThat(stats).as(pods.master().output()).isNotNull();
                assertThat(stats.get("state").asText()).as(pods.master().output()).isEqualTo("stopped");
                server.catchUp();
                long served = server.requestCount();
                assertThat(aggregated(stats)).as(pods.master().output()).isPositive().isEqualTo(served);
                String metrics = get(http, "http://127.0.0.1:" + values.get("master.metricsPort") + "/metrics");
                assertThat(metricSum(metrics, "stampede_requests_total")).as(metrics).isEqualTo(served);
                assertThat(pods.master().output()).contains("1 worker connected");
                pods.assertTokenInNoLog();
            } finally {
                pods.close();
            }
        }
    }

    /** Values for a run of FastUser against the server, on ports free on this machine (the pods share its network). */
    static Map<String, Object> chartValues(TargetServer server, String mode, int workers) throws IOException {
        Path source = dir.resolve("FastUser.java");
        Files.writeString(source, FAST_USER);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mode", mode);
        values.put("workers.replicas", String.valueOf(workers));
        values.put("run.host", server.url());
        values.put("run.spawnRate", "100");
        values.put("cluster.port", String.valueOf(freePort()));
        values.put("cluster.expectWorkersMaxWait", "60s");
        values.put("master.metricsPort", String.valueOf(freePort()));
        values.put("scenario.fileName", "FastUser.java");
        return values;
    }

    /**
     * The master's and the workers' containers of the rendered chart, each run from the image with what
     * the kubelet would give it: the ConfigMap's files at /scenario, the Secret's token in the
     * environment, and cluster DNS for the master's Service (an /etc/hosts line).
     */
    record ChartPods(Pod master, List<Pod> workers, String token) {
        static ChartPods start(Map<String, Object> values, String tag) throws IOException {
            RenderedChart chart = RenderedChart.render(values, Map.of("scenario.source", dir.resolve("FastUser.java")));
            String fullname = RenderedChart.RELEASE + "-stampede";
            boolean job = "Job".equals(values.get("mode"));
            Container master = ChartTest.container(job ? chart.get(Job.class, fullname + "-master").getSpec().getTemplate()
                    : chart.get(Deployment.class, fullname + "-master").getSpec().getTemplate());
            Container worker = ChartTest.container(job ? chart.get(Job.class, fullname + "-worker").getSpec().getTemplate()
                    : chart.get(Deployment.class, fullname + "-worker").getSpec().getTemplate());
            Path scenario = Files.createDirectories(dir.resolve(tag + "-scenario-configmap"));
            chart.get(ConfigMap.class, fullname + "-scenario").getData().forEach((file, text) -> write(scenario.resolve(file), text));
            Secret secret = chart.get(Secret.class, fullname + "-token");
            Path hosts = dir.resolve(tag + "-hosts");
            Files.writeString(hosts, "127.0.0.1 localhost " + fullname + "-master\n");
            Pod.prepareMountPoints(image.root(), List.of("/proc", "/dev", "/scenario"), List.of("/etc/hosts"));
            Pod m = Pod.start(fullname + "-master-" + tag, image, command(master.getArgs()), env(master, secret),
                    Map.of("/scenario", scenario, "/etc/hosts", hosts), dir);
            List<Pod> workers = new ArrayList<>();
            int n = Integer.parseInt((String) values.get("workers.replicas"));
            for (int i = 0; i < n; i++) {
                workers.add(Pod.start(fullname + "-worker-" + tag + i, image, command(worker.getArgs()), env(worker, secret),
                        Map.of("/etc/hosts", hosts), dir));
            }
            return new ChartPods(m, workers,
                    new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8));
        }

        void assertTokenInNoLog() {
            assertThat(master.output()).as("the token in no log").doesNotContain(token);
            workers.forEach(w -> assertThat(w.output()).as("the token in no log").doesNotContain(token));
        }

        void close() {
            master.close();
            workers.forEach(Pod::close);
        }
    }

    static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + ": " + r.statusCode());
        }
        return r.body();
    }

    static long metricSum(String text, String metric) {
        return text.lines().filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The container's environment as the kubelet makes it: plain values, and the Secret's keys it refers to. */
    static Map<String, String> env(Container c, Secret secret) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : c.getEnv()) {
            if (e.getValueFrom() != null) {
                assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret.getMetadata().getName());
                String value = secret.getData().get(e.getValueFrom().getSecretKeyRef().getKey());
                env.put(e.getName(), new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
            } else {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }

    /** The image's entrypoint with these arguments (a pod's args replace the image's Cmd). */
    static List<String> command(List<String> args) {
        List<String> all = new ArrayList<>(image.entrypoint());
        all.addAll(args);
        return all;
    }

    static List<String> command(String... args) {
        return command(List.of(args));
    }

    static ProcessHandle awaitJava(Pod pod) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var java = pod.java();
            if (java.isPresent()) {
                return java.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no java process in " + pod.name() + ":\n" + pod.output());
    }

    static String statusLine(ProcessHandle process, String key) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(l -> l.startsWith(key)).findFirst().orElseThrow().substring(key.length()).trim();
    }

    /** The Aggregated row's request count, in a --json-file document or the web UI's /stats/requests. */
    static long aggregated(JsonNode doc) {
        for (JsonNode e : doc.get("stats")) {
            if (e.get("name").asText().equals("Aggregated")) {
                return e.get("num_requests").asLong();
            }
        }
        throw new AssertionError("no Aggregated entry in " + doc);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assumeRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "running the image needs root (mount namespaces and chroot); the image's files were checked without");
    }
}
