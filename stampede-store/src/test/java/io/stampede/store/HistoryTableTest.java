package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The history table: one line per run with what tells runs apart at a glance. */
@Timeout(10)
class HistoryTableTest {

    @Test
    void oneLinePerRunInColumns() {
        RunSummary done = new RunSummary(1, 1_767_225_600_000L, 1_767_225_660_000L, "shop.java", "http://shop.test",
                "50 users at 10/s for 1m", 50, RunStatus.COMPLETE, "run time reached", 123_456, 1_234, 0.9995, 412.3,
                ThresholdsOutcome.PASSED);
        RunSummary killed = new RunSummary(12, 1_767_229_200_000L, 1_767_229_230_000L, "checkout.java",
                "http://shop.test", "200 users", 200, RunStatus.INCOMPLETE, AbandonedRuns.REASON, 987, 0, 0, 8.5,
                ThresholdsOutcome.NONE);
        List<String> lines = HistoryTable.render(List.of(done, killed), ZoneOffset.UTC).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Id  Date              Scenario       Host              Status")
                .endsWith("Requests  Failures  p95 ms  Thresholds");
        assertThat(lines.get(2).split(" +")).containsExactly("1", "2026-01-01", "00:00", "shop.java", "http://shop.test",
                "complete", "50", "123,456", "1.00%", "412", "passed");
        assertThat(lines.get(3).split(" +")).containsExactly("12", "2026-01-01", "01:00", "checkout.java",
                "http://shop.test", "incomplete", "200", "987", "0.00%", "8.50", "none");
        // numbers line up on the right
        assertThat(lines.get(2).indexOf("123,456") + "123,456".length()).isEqualTo(lines.get(3).indexOf("987") + 3);
    }

    @Test
    void anEmptyHistorySaysSo() {
        assertThat(HistoryTable.render(List.of())).isEqualTo("No runs stored yet." + System.lineSeparator());
    }
}
