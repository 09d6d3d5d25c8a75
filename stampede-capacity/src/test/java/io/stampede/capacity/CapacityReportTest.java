package io.stampede.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.threshold.Threshold;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console text of a report: the table with a column per SLO, and one line per finding. */
class CapacityReportTest {
    @Test
    void rendersTheTableAndTheFindings() {
        SearchSettings settings = new SearchSettings(new LoadModel.Closed(), 5, Duration.ofSeconds(10), 40,
                List.of(Threshold.parse("p95<1000ms")));
        Steps.Searched s = Steps.search(settings,
                load -> load <= 20 ? Steps.Answer.ok(load, 200) : Steps.Answer.ok(20, 200 * load / 20));
        String text = CapacityReport.of(settings, s.steps(), s.reason(), null).render();
        String nl = System.lineSeparator();
        assertThat(text).startsWith("Capacity search (closed model): users steps of 10s; the first 20% (2s) of each "
                + "step is warm-up, not measured (a step down also waits out the previous step's p99)" + nl
                + "#  Phase    Users  Requests  Failures  Fail %  Avg ms  p50 ms  p95 ms  p99 ms  req/s  p95<1000ms  Verdict" + nl
                + "-  -------  -----  --------  --------  ------  ------  ------  ------  ------  -----  ----------  ---------" + nl
                + "1  explore      5        50         0   0.00%     200     200     200     200   5.00        pass  good" + nl);
        assertThat(text).contains("4  explore     40       200         0   0.00%     400     400     400     400  20.00        pass  past knee" + nl);
        assertThat(text).contains(
                "Capacity: 18 users (the highest load that met every SLO with throughput still growing); the lowest bad load: 20 users (past knee)" + nl,
                "Every SLO met up to: 40 users" + nl,
                "Throughput plateau: 20.0 req/s at most, at 20 users" + nl,
                "Knee: throughput stopped growing at about 20 users (20.0 req/s); at 40 users it was 20.0 req/s while "
                        + "the average time went from 200 ms to 400 ms" + nl,
                "First symptom: queueing latency, at 40 users, throughput was 20.0 req/s (18.0 at 18 users) while the "
                        + "average time went from 200 ms to 400 ms" + nl,
                "Stopped: narrowed 3 times: the limit is between 18 users (good) and 20 users (past knee)" + nl,
                "The run sent 0 requests, warm-ups included; 0 failed" + nl);
    }

    @Test
    void settingsSayWhatTheSearchWillDo() {
        SearchSettings s = new SearchSettings(new LoadModel.Closed(), 5, Duration.ofSeconds(3), 40,
                List.of(Threshold.parse("p95<500ms"), Threshold.parse("fail_ratio<0.01")));
        assertThat(s.description()).isEqualTo(
                "capacity search: 5 users x2 up to 40 users, 3s steps (20% warm-up), SLOs p95<500ms, fail_ratio<0.01");
        assertThat(s.warmupTime()).isEqualTo(Duration.ofMillis(600));
    }
}
