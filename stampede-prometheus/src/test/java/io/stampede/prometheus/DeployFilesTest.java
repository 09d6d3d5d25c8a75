package io.stampede.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.core.run.RunState;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Grafana dashboard and the Prometheus example in deploy/ match the metrics as built. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DeployFilesTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Pattern METRIC = Pattern.compile("stampede_[a-z_]+");

    private static JsonNode dashboard() throws Exception {
        return new ObjectMapper().readTree(Files.readString(DEPLOY.resolve("grafana/stampede-dashboard.json")));
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> exprs.add(t.get("expr").asText())));
        return exprs;
    }

    /** Every sample name a scrape writes once each metric has data. */
    private static Set<String> exposedNames() {
        StatsRegistry recorder = new StatsRegistry(Clock.SYSTEM, "test");
        recorder.record("GET", "/a", 1_000_000, 0, "HTTP 500 Internal Server Error");
        recorder.recordCheck("ok", true);
        recorder.recordException(new IllegalStateException("boom"));
        PrometheusOutput output = new PrometheusOutput(() -> RunState.RUNNING, () -> 1);
        output.onInterval(new StatsCollector(recorder, Clock.SYSTEM).next(1));
        output.onArrival(new ArrivalStats(1, 1, 0, 1, 1), null);
        return Scraped.parse(output.scrape()).samples().stream().map(Scraped.Sample::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theDashboardIsImportableJsonWithADatasourceVariable() throws Exception {
        JsonNode d = dashboard();
        assertThat(d.get("title").asText()).isEqualTo("Stampede");
        assertThat(d.get("uid").asText()).isNotBlank();
        assertThat(d.get("id").isNull()).as("an id would clash with the importing Grafana's").isTrue();
        List<JsonNode> variables = new ArrayList<>();
        d.get("templating").get("list").forEach(variables::add);
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.get("type").asText()).isEqualTo("datasource");
            assertThat(v.get("query").asText()).isEqualTo("prometheus");
            assertThat(v.get("name").asText()).isEqualTo("datasource");
        });
        d.get("panels").forEach(p -> {
            assertThat(p.get("datasource").get("uid").asText()).as(p.get("title").asText()).isEqualTo("${datasource}");
            assertThat(p.get("targets")).as(p.get("title").asText()).isNotEmpty();
            p.get("targets").forEach(t -> assertThat(t.get("datasource").get("uid").asText()).isEqualTo("${datasource}"));
        });
    }

    @Test
    void theDashboardQueriesOnlyMetricsWeExpose() throws Exception {
        Set<String> exposed = exposedNames();
        Set<String> used = new TreeSet<>();
        for (String expr : expressions(dashboard())) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertThat(exposed).containsAll(used);
        assertThat(used).contains(MetricNames.REQUESTS, MetricNames.FAILURES, MetricNames.RESPONSE_TIME + "_bucket",
                MetricNames.USERS, MetricNames.TARGET_USERS, MetricNames.RUN_STATE, MetricNames.ITERATIONS_DROPPED);
    }

    @Test
    void theDashboardHasTheAskedForPanels() throws Exception {
        List<String> exprs = expressions(dashboard());
        assertThat(exprs).anyMatch(e -> e.contains("sum by (method, name) (rate(" + MetricNames.REQUESTS));
        assertThat(exprs).anyMatch(e -> e.contains("rate(" + MetricNames.FAILURES) && e.contains("by (method, name"));
        for (String q : List.of("0.50", "0.95", "0.99")) {
            assertThat(exprs).anyMatch(e -> e.startsWith("histogram_quantile(" + q + ", sum by (le)"));
        }
    }

    @Test
    void thePrometheusExampleScrapesTheWebUiAndAHeadlessRun() throws Exception {
        String yml = Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"));
        assertThat(yml).contains("scrape_configs:", "metrics_path: /metrics", "\"127.0.0.1:8089\"", "--metrics-port")
                .doesNotContain("\t");
    }
}
