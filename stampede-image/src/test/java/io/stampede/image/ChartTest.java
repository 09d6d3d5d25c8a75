package io.stampede.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.stampede.cli.CliArgs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/helm/stampede rendered by Helm (helm-java) with the value sets a user would give, each manifest
 * parsed into fabric8's typed Kubernetes model (unknown kinds and fields fail), and the containers'
 * arguments accepted by the stampede command's own flag parser and validation.
 */
@Timeout(120)
class ChartTest {
    static final String HOST = "http://shop-api.perf.svc:8080";
    static final String FULLNAME = RenderedChart.RELEASE + "-stampede";
    static final String MASTER = FULLNAME + "-master";
    static final String WORKER = FULLNAME + "-worker";

    @Test
    void defaultsAreADeploymentMasterWithItsWebUiAndFourWorkersOfTheDefaultImageAsANonRootUser() throws IOException {
        RenderedChart chart = RenderedChart.render(Map.of("run.host", HOST));
        assertThat(chart.kinds()).containsExactly("ConfigMap/" + FULLNAME + "-scenario", "Deployment/" + MASTER,
                "Deployment/" + WORKER, "Secret/" + FULLNAME + "-token", "Service/" + MASTER);

        Deployment master = chart.get(Deployment.class, MASTER);
        assertThat(master.getSpec().getReplicas()).isEqualTo(1);
        assertThat(master.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        CliArgs.Master run = CliArgs.master(container(master.getSpec().getTemplate()).getArgs());
        assertThat(run.expectWorkers()).isEqualTo(4);
        assertThat(run.expectWorkersMaxWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(run.host()).isEqualTo(HOST);
        assertThat(run.users()).isEqualTo(100);
        assertThat(run.spawnRate()).isEqualTo(10.0);
        assertThat(run.runTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(run.headless()).isFalse();
        assertThat(run.autostart()).isTrue();
        assertThat(run.webHost()).isEqualTo("0.0.0.0");
        assertThat(run.webPort()).isEqualTo(8089);
        assertThat(run.metricsPort()).isEqualTo(9646);
        assertThat(run.bindPort()).isEqualTo(5557);
        assertThat(run.file()).isEqualTo("/scenario/Scenario.java");

        // the scenario: the ConfigMap's file, mounted where -f looks for it
        ConfigMap scenario = chart.get(ConfigMap.class, FULLNAME + "-scenario");
        String defaultSource = scenario.getData().get("Scenario.java");
        assertThat(defaultSource).contains("public class Scenario extends HttpUser").contains("client.get(\"/\")");
        assertScenarioMounted(master.getSpec().getTemplate(), FULLNAME + "-scenario", run.file());

        // the workers: a Deployment of 4 whose arguments point at the master's Service
        Deployment workers = chart.get(Deployment.class, WORKER);
        assertThat(workers.getSpec().getReplicas()).isEqualTo(4);
        CliArgs.Worker worker = CliArgs.worker(container(workers.getSpec().getTemplate()).getArgs());
        Service service = chart.get(Service.class, MASTER);
        assertThat(worker.masterHost()).isEqualTo(service.getMetadata().getName());
        assertThat(worker.masterPort()).isEqualTo(5557);
        assertThat(worker.capacity()).isEqualTo(1);
        assertThat(container(workers.getSpec().getTemplate()).getVolumeMounts()).extracting(VolumeMount::getMountPath)
                .containsExactly("/tmp");

        // the Service: the master's three ports, and only the master's pods behind it
        assertThat(ports(service)).containsExactly(Map.entry("grpc", 5557), Map.entry("web", 8089), Map.entry("metrics", 9646));
        assertThat(service.getSpec().getSelector().entrySet())
                .isSubsetOf(master.getSpec().getTemplate().getMetadata().getLabels().entrySet())
                .isNotEmpty();
        assertThat(service.getSpec().getSelector().entrySet())
                .isNotEqualTo(workers.getSpec().getTemplate().getMetadata().getLabels().entrySet())
                .matches(s -> !workers.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(s),
                        "does not select the workers");
        assertThat(master.getSpec().getSelector().getMatchLabels().entrySet())
                .isSubsetOf(master.getSpec().getTemplate().getMetadata().getLabels().entrySet());
        assertThat(containerPorts(container(master.getSpec().getTemplate()))).containsExactly(
                Map.entry("grpc", 5557), Map.entry("web", 8089), Map.entry("metrics", 9646));

        // the token: a generated Secret, read into both roles' environment, never an argument
        Secret secret = chart.get(Secret.class, FULLNAME + "-token");
        String token = new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8);
        assertThat(token).hasSize(40).matches("[A-Za-z0-9]+");
        for (PodTemplateSpec pod : List.of(master.getSpec().getTemplate(), workers.getSpec().getTemplate())) {
            assertTokenFromSecret(container(pod), FULLNAME + "-token", "token");
            assertThat(container(pod).getArgs()).noneMatch(a -> a.contains(token));
            assertNonRootImage(pod, "stampede:0.1.0-SNAPSHOT");
        }
        assertThat(chart.yaml()).doesNotContain(token);  // in the Secret base64 only
    }

    @Test
    void twentyWorkersOfAnotherImageWithAScenarioFileGivenWithSetFile() throws IOException {
        Path shop = Path.of("../examples/demo/ShopUser.java").toAbsolutePath().normalize();
        RenderedChart chart = RenderedChart.render(Map.of("run.host", HOST, "workers.replicas", "20",
                        "scenario.fileName", "ShopUser.java", "run.users", "20000", "run.spawnRate", "500",
                        "run.runTime", "30m", "image.repository", "registry.example.com/perf/stampede", "image.tag", "1.2.3"),
                Map.of("scenario.source", shop));
        Deployment workers = chart.get(Deployment.class, WORKER);
        assertThat(workers.getSpec().getReplicas()).isEqualTo(20);
        Deployment master = chart.get(Deployment.class, MASTER);
        CliArgs.Master run = CliArgs.master(container(master.getSpec().getTemplate()).getArgs());
        assertThat(run.expectWorkers()).isEqualTo(20);
        assertThat(run.users()).isEqualTo(20000);
        assertThat(run.spawnRate()).isEqualTo(500.0);
        assertThat(run.runTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(run.file()).isEqualTo("/scenario/ShopUser.java");
        assertThat(chart.get(ConfigMap.class, FULLNAME + "-scenario").getData())
                .containsExactly(Map.entry("ShopUser.java", Files.readString(shop)));
        assertNonRootImage(master.getSpec().getTemplate(), "registry.example.com/perf/stampede:1.2.3");
        assertNonRootImage(workers.getSpec().getTemplate(), "registry.example.com/perf/stampede:1.2.3");
    }

    @Test
    void jobModeIsAHeadlessMasterJobAndAnIndexedJobOfWorkersThatRunOnce() {
        RenderedChart chart = RenderedChart.render(Map.of("run.host", HOST, "mode", "Job", "workers.replicas", "20",
                "run.runTime", "15m", "run.extraArgs[0]", "--threshold", "run.extraArgs[1]", "p95<500ms"));
        assertThat(chart.all(Deployment.class)).isEmpty();
        Job master = chart.get(Job.class, MASTER);
        assertThat(master.getSpec().getBackoffLimit()).isZero();
        assertThat(master.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        CliArgs.Master run = CliArgs.master(container(master.getSpec().getTemplate()).getArgs());
        assertThat(run.headless()).isTrue();
        assertThat(run.autostart()).isFalse();
        assertThat(run.expectWorkers()).isEqualTo(20);
        assertThat(run.runTime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(container(master.getSpec().getTemplate()).getArgs()).containsSubsequence("--threshold", "p95<500ms");

        Job workers = chart.get(Job.class, WORKER);
        assertThat(workers.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(workers.getSpec().getCompletions()).isEqualTo(20);
        assertThat(workers.getSpec().getParallelism()).isEqualTo(20);
        assertThat(workers.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("OnFailure");
        assertThat(CliArgs.worker(container(workers.getSpec().getTemplate()).getArgs()).masterHost()).isEqualTo(MASTER);
        // no web UI in a headless run: no web port on the pod or the Service
        assertThat(ports(chart.get(Service.class, MASTER))).containsExactly(Map.entry("grpc", 5557), Map.entry("metrics", 9646));
        assertThat(containerPorts(container(master.getSpec().getTemplate()))).doesNotContainKey("web");
        assertScenarioMounted(master.getSpec().getTemplate(), FULLNAME + "-scenario", run.file());
        assertNonRootImage(workers.getSpec().getTemplate(), "stampede:0.1.0-SNAPSHOT");
    }

    @Test
    void theServiceMonitorScrapesTheMastersMetricsPort() {
        RenderedChart chart = RenderedChart.render(Map.of("run.host", HOST, "serviceMonitor.enabled", "true",
                "serviceMonitor.labels.release", "kube-prometheus", "master.metricsPort", "9700"));
        ServiceMonitor monitor = chart.get(ServiceMonitor.class, FULLNAME);
        Service service = chart.get(Service.class, MASTER);
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus");
        assertThat(service.getMetadata().getLabels().entrySet())
                .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet());
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(e -> {
            assertThat(e.getPort()).isEqualTo("metrics");
            assertThat(e.getPath()).isEqualTo("/metrics");
            assertThat(e.getInterval()).isEqualTo("5s");
        });
        assertThat(ports(service)).containsEntry("metrics", 9700);
        Deployment master = chart.get(Deployment.class, MASTER);
        assertThat(CliArgs.master(container(master.getSpec().getTemplate()).getArgs()).metricsPort()).isEqualTo(9700);
    }

    @Test
    void anExistingSecretAndConfigMapAreUsedInsteadOfTheChartsOwn() {
        RenderedChart chart = RenderedChart.render(Map.of("run.host", HOST, "cluster.token.existingSecret", "perf-cluster",
                "cluster.token.existingSecretKey", "cluster-token", "scenario.existingConfigMap", "perf-scenarios",
                "scenario.fileName", "CheckoutUser.java"));
        assertThat(chart.all(Secret.class)).isEmpty();
        assertThat(chart.all(ConfigMap.class)).isEmpty();
        for (String name : List.of(MASTER, WORKER)) {
            assertTokenFromSecret(container(chart.get(Deployment.class, name).getSpec().getTemplate()), "perf-cluster", "cluster-token");
        }
        PodTemplateSpec master = chart.get(Deployment.class, MASTER).getSpec().getTemplate();
        assertScenarioMounted(master, "perf-scenarios", "/scenario/CheckoutUser.java");
    }

    @Test
    void aTokenGivenAsAValueGoesIntoTheSecret() {
        RenderedChart chart = RenderedChart.render(Map.of("run.host", HOST, "cluster.token.value", "s3cr3t-of-the-perf-team"));
        Secret secret = chart.get(Secret.class, FULLNAME + "-token");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8))
                .isEqualTo("s3cr3t-of-the-perf-team");
    }

    @Test
    void valuesThatCannotMakeARunAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RenderedChart.render(Map.of()))
                .hasMessageContaining("run.host is required");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("run.host", HOST, "mode", "Job", "run.runTime", "")))
                .hasMessageContaining("mode=Job needs run.runTime");
        // values.schema.json: Helm checks the types and ranges before any template runs
        assertThatThrownBy(() -> RenderedChart.render(Map.of("run.host", HOST, "mode", "Pod")))
                .hasMessageContaining("at '/mode': value must be one of 'Deployment', 'Job'");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("run.host", HOST, "workers.replicas", "0")))
                .hasMessageContaining("at '/workers/replicas': minimum: got 0, want 1");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("run.host", HOST, "run.users", "many")))
                .hasMessageContaining("at '/run/users'");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("run.host", HOST, "scenario.fileName", "shop user.java")))
                .hasMessageContaining("at '/scenario/fileName'");
    }

    @Test
    void theNotesTellHowToFollowTheRunWithTheNamesTheChartMade() {
        // the notes are not in helm template's output: a client-only dry-run install prints them
        String web = new Helm(RenderedChart.chart()).install().withName(RenderedChart.RELEASE).withNamespace(RenderedChart.NAMESPACE)
                .clientOnly().dryRun().withDryRunOption(DryRun.CLIENT).set("run.host", HOST).call().getOutput();
        assertThat(web).contains("kubectl -n perf logs -f deployment/" + MASTER,
                "kubectl -n perf port-forward service/" + MASTER + " 8089:8089",
                "kubectl -n perf scale deployment/" + WORKER + " --replicas=N");
        String job = new Helm(RenderedChart.chart()).install().withName(RenderedChart.RELEASE).withNamespace(RenderedChart.NAMESPACE)
                .clientOnly().dryRun().withDryRunOption(DryRun.CLIENT).set("run.host", HOST).set("mode", "Job")
                .set("serviceMonitor.enabled", "true").call().getOutput();
        assertThat(job).contains("kubectl -n perf logs -f job/" + MASTER, "kubectl -n perf get job/" + MASTER,
                "scraped through the ServiceMonitor " + FULLNAME).doesNotContain("port-forward");
    }

    @Test
    void helmLintFindsNothing(@TempDir Path dir) throws IOException {
        // lint cannot take --set, and run.host has no default on purpose: lint a copy whose only
        // difference is a host in values.yaml
        Path copy = dir.resolve("stampede");
        copyTree(RenderedChart.chart(), copy);
        Path values = copy.resolve("values.yaml");
        String text = Files.readString(values);
        assertThat(text).contains("  host: \"\"\n");
        Files.writeString(values, text.replace("  host: \"\"\n", "  host: \"" + HOST + "\"\n"));
        LintResult lint = new Helm(copy).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    static Container container(PodTemplateSpec pod) {
        assertThat(pod.getSpec().getContainers()).hasSize(1);
        return pod.getSpec().getContainers().get(0);
    }

    static void assertTokenFromSecret(Container c, String secret, String key) {
        EnvVar token = c.getEnv().stream().filter(e -> e.getName().equals("STAMPEDE_CLUSTER_TOKEN")).findFirst().orElseThrow();
        assertThat(token.getValue()).isNull();
        assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret);
        assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key);
    }

    static void assertScenarioMounted(PodTemplateSpec pod, String configMap, String file) {
        Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow();
        assertThat(volume.getConfigMap().getName()).isEqualTo(configMap);
        VolumeMount mount = container(pod).getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(file).startsWith(mount.getMountPath() + "/");
    }

    /** Non-root as Kubernetes enforces it, with the image's uid; a read-only root with /tmp writable. */
    static void assertNonRootImage(PodTemplateSpec pod, String image) {
        PodSpec spec = pod.getSpec();
        assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(spec.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(spec.getAutomountServiceAccountToken()).isFalse();
        Container c = container(pod);
        assertThat(c.getImage()).isEqualTo(image);
        assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        String tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElseThrow().getName();
        assertThat(spec.getVolumes()).filteredOn(v -> v.getName().equals(tmp)).singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        assertThat(c.getResources().getLimits()).containsKey("memory");
    }

    static Map<String, Integer> ports(Service s) {
        return s.getSpec().getPorts().stream().collect(Collectors.toMap(ServicePort::getName, ServicePort::getPort,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static Map<String, Integer> containerPorts(Container c) {
        return c.getPorts().stream().collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
