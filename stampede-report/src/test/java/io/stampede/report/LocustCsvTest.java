package io.stampede.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The files CsvOutput writes are exactly the documents LocustCsv renders (which the web UI hands out). */
@Timeout(30)
class LocustCsvTest {
    @TempDir
    Path dir;

    @Test
    void filesEqualTheRenderedDocuments() throws Exception {
        StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "here");
        StatsCollector collector = new StatsCollector(registry, Clock.SYSTEM);
        CsvOutput csv = new CsvOutput(dir.resolve("run"), true);
        csv.start(new RunInfo("http://127.0.0.1:1", List.of("U"), "test", System.currentTimeMillis()));
        registry.record("GET", "/a, \"quoted\"", 2_000_000, 10, null);
        registry.record("GET", "/a, \"quoted\"", 3_000_000, 10, "HTTP 500");
        StatsSnapshot first = collector.tick(1);
        csv.onSnapshot(first);
        registry.record("POST", "/b", 1_000_000, 0, null);
        registry.recordException(new IllegalStateException("line one\nline two"));
        StatsSnapshot last = collector.tick(1);
        csv.finish(new RunResult(last, "done", List.of()));

        assertThat(Files.readString(dir.resolve("run_stats.csv"))).isEqualTo(LocustCsv.stats(last));
        assertThat(Files.readString(dir.resolve("run_failures.csv"))).isEqualTo(LocustCsv.failures(last))
                .contains("HTTP 500");
        assertThat(Files.readString(dir.resolve("run_exceptions.csv"))).isEqualTo(LocustCsv.exceptions(last))
                .contains("\"IllegalStateException: line one\nline two\"");
        assertThat(Files.readString(dir.resolve("run_stats_history.csv"))).isEqualTo(LocustCsv.historyHeader()
                + LocustCsv.historyRows(first, true) + LocustCsv.historyRows(last, true));
        assertThat(LocustCsv.historyRows(last, false).lines()).singleElement().asString()
                .contains(",Aggregated,").endsWith(",3,1,2,2,1,3,6.666667");
    }
}
