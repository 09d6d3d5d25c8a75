package io.stampede.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.report.CapacityTable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report of a synthetic step-load run: self-contained, escaped, and its data reads back exactly. */
class HtmlReportTest {
    private static final Map<String, String> PARAMETERS = Map.of("Scenario", "examples/Shop.java <v2>");
    private final SyntheticRun run = SyntheticRun.stepLoad();
    private final RunResult result = run.result(List.of("p95<500ms", "fail_ratio<0.001"), null);
    private final String html = HtmlReport.render(new ReportData(run.info(), result, run.series, PARAMETERS));

    @Test
    void noExternalReferenceOtherThanTheRunsOwnText() {
        String withoutHost = html.replace(run.info().host(), "");
        assertThat(withoutHost).doesNotContain("http://").doesNotContain("https://");
        // nothing is loaded from anywhere: no element names a source or a stylesheet
        assertThat(html).doesNotContainPattern("(?i)<(script|img|link|iframe)[^>]*\\s(src|href)=")
                .doesNotContainPattern("(?i)\\shref=").doesNotContainPattern("(?i)@import|url\\(");
        assertThat(html).contains("<script>/*! uPlot 1.6.30", "Copyright (c) 2022 Leon Sorokin", "var uPlot=function(){");
    }

    @Test
    void everyNameFromTheRunIsEscaped() {
        for (EntryStats e : result.stats().entries()) {
            assertThat(html).contains(">" + Html.escape(e.name()) + "<");
        }
        assertThat(html).contains("/search?q=&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;quoted&quot;")
                .contains("HTTP 500 &lt;b&gt;Internal Server Error&lt;/b&gt;")
                .contains("cart was &lt;empty&gt; &amp; closed")
                .contains("examples/Shop.java &lt;v2&gt;");
        // the only script elements are the data block and the two inlined files
        Matcher scripts = Pattern.compile("(?i)<script").matcher(html);
        assertThat(scripts.results().count()).isEqualTo(3);
        assertThat(html).doesNotContain("<b>Internal", "alert('x')</script>", "<empty>");
    }

    @Test
    void theEmbeddedDataParsesBackWithTheResultsTotals() throws Exception {
        JsonNode data = ReportFile.data(html);
        assertThat(ReportFile.dataBlock(html)).doesNotContain("</").doesNotContain("<");
        EntryStats total = result.stats().total();
        JsonNode aggregated = ReportFile.statsRow(data, "", "Aggregated");
        assertThat(aggregated.get("num_requests").asLong()).isEqualTo(total.count()).isPositive();
        assertThat(aggregated.get("num_failures").asLong()).isEqualTo(total.failures()).isPositive();
        for (EntryStats e : result.stats().entries()) {
            assertThat(ReportFile.statsRow(data, e.method(), e.name()).get("num_requests").asLong()).isEqualTo(e.count());
        }
        long seriesRequests = 0;
        long seriesFailures = 0;
        for (JsonNode n : data.get("series").get("requests")) {
            seriesRequests += n.asLong();
        }
        for (JsonNode n : data.get("series").get("failures")) {
            seriesFailures += n.asLong();
        }
        assertThat(seriesRequests).isEqualTo(total.count());
        assertThat(seriesFailures).isEqualTo(total.failures());
        // every interval is a point, but the last 200 ms (users stopping) joins the second before it
        assertThat(data.get("series").get("t")).hasSize(run.series.size() - 1);
        assertThat(data.get("series").get("dur").get(run.series.size() - 2).asDouble()).isEqualTo(1.2);
        assertThat(data.get("run").get("parameters").get("Scenario").asText()).isEqualTo("examples/Shop.java <v2>");
        assertThat(data.get("distribution").get("entries")).hasSize(result.stats().entries().size() + 1);
        assertThat(data.get("distribution").get("entries").findValuesAsText("label"))
                .containsExactly("POST /api/cart", "GET /api/products", "GET " + SyntheticRun.NASTY, "Aggregated");
    }

    @Test
    void aStepLoadShowsItsKnee() throws Exception {
        assertThat(CapacityTable.kneeIndex(result.phases())).isEqualTo(1);
        JsonNode data = ReportFile.data(html);
        assertThat(data.get("knee").asInt()).isEqualTo(1);
        assertThat(data.get("phases")).hasSize(4);
        assertThat(data.get("phases").get(1).get("users").asInt()).isEqualTo(20);
        assertThat(html).contains("<tr class=\"knee\"><td>step 2</td><td class=\"num\">20</td>")
                .contains("Knee at 20 users").contains("id=\"chart-capacity\"");
    }

    @Test
    void failuresExceptionsChecksAndThresholdsWithTheirVerdicts() {
        assertThat(html).contains("<section id=\"failures\">", "<section id=\"exceptions\">", "<details><summary>",
                "at io.stampede.html.SyntheticRun", "<section id=\"checks\">", "cart has items",
                "<section id=\"thresholds\">", "fail_ratio&lt;0.001", "p95&lt;500ms");
        assertThat(result.thresholds()).extracting(t -> t.passed()).containsExactly(true, false);
        assertThat(html).contains("<span class=\"pass\">PASS</span>").contains("<span class=\"fail\">FAIL</span>");
        assertThat(html).contains("<td>Host</td><td>https://shop.example.com</td>", "<td>Stop reason</td><td>run time reached</td>");
    }

    @Test
    void aReportFromASummaryHasNoSeriesAndSaysSo() throws Exception {
        String fromSummary = HtmlReport.render(new ReportData(run.info(), result, List.of(), Map.of()));
        assertThat(fromSummary).contains("keeps no per-interval series");
        JsonNode data = ReportFile.data(fromSummary);
        assertThat(data.get("series").get("t")).isEmpty();
        assertThat(ReportFile.statsRow(data, "", "Aggregated").get("num_requests").asLong()).isEqualTo(result.stats().total().count());
    }

    @Test
    void anArrivalRunShowsItsScheduleAndDroppedIterations() {
        RunResult arrival = run.result(List.of(), new ArrivalStats(1000, 990, 10, 12, 50));
        String page = HtmlReport.render(new ReportData(run.info(), arrival, run.series, Map.of()));
        assertThat(page).contains("<section id=\"arrival\">", "Users in the pool", "<span class=\"fail\">10</span>",
                "the actual send");
    }

    @Test
    void theSeriesIsBoundedByMergingNeighbours() throws Exception {
        SyntheticRun longRun = new SyntheticRun();
        int intervals = SeriesColumns.MAX_POINTS * 2 + 5;
        for (int i = 0; i < intervals; i++) {
            longRun.interval(1000, 3, r -> longRun.requests("GET", "/", 2, 5, 0, null));
        }
        List<StatsInterval> series = longRun.series;
        String page = HtmlReport.render(new ReportData(longRun.info(), longRun.result(List.of(), null), series, Map.of()));
        JsonNode s = ReportFile.data(page).get("series");
        assertThat(s.get("width").asInt()).isEqualTo(3);
        assertThat(s.get("t").size()).isLessThanOrEqualTo(SeriesColumns.MAX_POINTS);
        long sum = 0;
        for (JsonNode n : s.get("requests")) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(2L * intervals);
        assertThat(s.get("dur").get(0).asDouble()).isEqualTo(3.0);
    }
}
