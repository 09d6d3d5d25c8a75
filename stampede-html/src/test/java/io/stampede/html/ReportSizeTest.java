package io.stampede.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.core.output.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How big the report of a one-hour run at 1 s intervals is (the figure in docs/html-report.md):
 * 3,600 intervals of five endpoints at 100 req/s through {@link HtmlOutput}, which merges them
 * into 1,800 points of 2 s.
 */
class ReportSizeTest {
    @Test
    void aOneHourRunMakesAReportOfAFewHundredKilobytes(@TempDir Path dir) throws Exception {
        SyntheticRun run = new SyntheticRun();
        run.keepSeries = false;
        HtmlOutput output = new HtmlOutput(dir.resolve("report.html"), Map.of("Scenario", "Shop"));
        output.start(run.info());
        for (int second = 0; second < 3600; second++) {
            double slow = second % 600 < 30 ? 4 : 1; // a slow spell every ten minutes, for the charts' shape
            output.onInterval(run.interval(1000, 50, r -> {
                for (int e = 0; e < 5; e++) {
                    run.requests("GET", "/api/endpoint/" + e, 20, 15 * (e + 1) * slow, 50, "HTTP 503");
                }
            }));
        }
        RunResult result = run.result(List.of("p95<500ms"), null);
        output.finish(result);
        Path file = dir.resolve("report.html");
        long bytes = Files.size(file);
        String html = Files.readString(file);
        JsonNode series = ReportFile.data(html).get("series");
        System.out.printf("one-hour report: %,d bytes (data block %,d), %d points of %s s%n", bytes,
                ReportFile.dataBlock(html).length(), series.get("t").size(), series.get("dur").get(0).asText());
        assertThat(series.get("t").size()).isEqualTo(1800);
        assertThat(series.get("dur").get(0).asDouble()).isEqualTo(2.0);
        assertThat(bytes).isBetween(100_000L, 600_000L);
        assertThat(dir.resolve("report.html.tmp")).doesNotExist();
    }
}
