package io.stampede.prometheus;

import static io.stampede.prometheus.MetricNames.FAILURES;
import static io.stampede.prometheus.MetricNames.REQUESTS;
import static io.stampede.prometheus.MetricNames.RESPONSE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.run.RunState;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The output fed with intervals by hand: what each metric counts, the caps, monotonic counters. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PrometheusOutputTest {
    private final StatsRegistry recorder = new StatsRegistry(Clock.SYSTEM, "test");
    private final StatsCollector collector = new StatsCollector(recorder, Clock.SYSTEM);
    private final AtomicReference<RunState> state = new AtomicReference<>(RunState.READY);
    private final AtomicInteger target = new AtomicInteger();
    private final PrometheusOutput output = new PrometheusOutput(state::get, target::get);

    private static final RunInfo INFO = new RunInfo("http://127.0.0.1:1", List.of("U"), "test", 0);

    private StatsInterval interval(int users) {
        StatsInterval i = collector.next(users);
        output.onInterval(i);
        return i;
    }

    private Scraped scrape() {
        return Scraped.parse(output.scrape());
    }

    @Test
    void countsRequestsFailuresAndTimesByMethodAndName() {
        output.start(INFO);
        recorder.record("GET", "/a", 2_000_000, 10, null);
        recorder.record("GET", "/a", 3_000_000, 10, null);
        recorder.record("GET", "/a", 40_000_000, 10, null);
        recorder.record("POST", "/b", 1_000_000, 0, "HTTP 503 Service Unavailable");
        recorder.record("POST", "/b", 1_000_000, 0, "HTTP 503 Service Unavailable");
        recorder.record("POST", "/b", 1_000_000, 0, "connection reset by peer");
        StatsInterval i = interval(4);

        Scraped s = scrape();
        assertThat(s.value(REQUESTS, "method", "GET", "name", "/a")).isEqualTo(3);
        assertThat(s.value(REQUESTS, "method", "POST", "name", "/b")).isEqualTo(3);
        assertThat(s.value(FAILURES, "method", "POST", "name", "/b", "error", "HTTP 503 Service Unavailable")).isEqualTo(2);
        assertThat(s.value(FAILURES, "method", "POST", "name", "/b", "error", "connection reset by peer")).isEqualTo(1);
        assertThat(s.of(FAILURES, "name", "/a")).isEmpty();
        assertThat(s.value(RESPONSE_TIME + "_count", "method", "GET", "name", "/a")).isEqualTo(3);
        assertThat(s.value(RESPONSE_TIME + "_sum", "method", "GET", "name", "/a")).isCloseTo(0.045, within(1e-12));
        assertThat(s.value(RESPONSE_TIME + "_bucket", "name", "/a", "le", "0.001")).isZero();
        assertThat(s.value(RESPONSE_TIME + "_bucket", "name", "/a", "le", "0.0025")).isEqualTo(1);
        assertThat(s.value(RESPONSE_TIME + "_bucket", "name", "/a", "le", "0.005")).isEqualTo(2);
        assertThat(s.value(RESPONSE_TIME + "_bucket", "name", "/a", "le", "0.05")).isEqualTo(3);
        assertThat(s.value(RESPONSE_TIME + "_bucket", "name", "/a", "le", "+Inf")).isEqualTo(3);
        assertThat(s.value(MetricNames.USERS)).isEqualTo(4);
        assertThat(s.sum(REQUESTS)).isEqualTo(i.total().count());
    }

    @Test
    void countersOnlyGrowAcrossResetsAndRuns() {
        output.start(INFO);
        recorder.record("GET", "/a", 1_000_000, 0, null);
        interval(1);
        double first = scrape().sum(REQUESTS);
        // a reset makes the driver fold from zero; the intervals still come, each once
        output.onSnapshot(StatsSnapshot.empty(0));
        recorder.record("GET", "/a", 1_000_000, 0, null);
        interval(1);
        output.finish(new RunResult(StatsSnapshot.empty(0), "done", List.of()));
        double second = scrape().sum(REQUESTS);
        output.start(INFO);
        recorder.record("GET", "/a", 1_000_000, 0, null);
        interval(1);
        double third = scrape().sum(REQUESTS);
        assertThat(List.of(first, second, third)).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void foldsNamesBeyondTheCapIntoOther() {
        int extra = 7;
        for (int n = 0; n < MetricNames.MAX_REQUEST_SERIES + extra; n++) {
            recorder.record("GET", "/item/" + n, 1_000_000, 0, n % 2 == 0 ? null : "HTTP 404 Not Found");
        }
        interval(1);
        recorder.record("GET", "/item/0", 1_000_000, 0, null); // admitted before: keeps its series
        recorder.record("GET", "/late", 1_000_000, 0, null);
        interval(1);

        Scraped s = scrape();
        assertThat(s.of(REQUESTS)).hasSize(MetricNames.MAX_REQUEST_SERIES + 1);
        assertThat(s.value(REQUESTS, "name", MetricNames.OTHER)).isEqualTo(extra + 1);
        assertThat(s.sum(REQUESTS)).isEqualTo(MetricNames.MAX_REQUEST_SERIES + extra + 2);
        assertThat(s.sum(RESPONSE_TIME + "_count")).isEqualTo(s.sum(REQUESTS));
        assertThat(s.sum(FAILURES)).isEqualTo((MetricNames.MAX_REQUEST_SERIES + extra) / 2);
    }

    @Test
    void capsAndShortensErrorLabels() {
        String longError = "x".repeat(1_000);
        recorder.record("GET", "/a", 1_000_000, 0, longError);
        for (int n = 0; n < MetricNames.MAX_FAILURE_SERIES + 3; n++) {
            recorder.record("GET", "/a", 1_000_000, 0, "error " + n);
        }
        interval(1);

        Scraped s = scrape();
        assertThat(s.of(FAILURES)).hasSize(MetricNames.MAX_FAILURE_SERIES + 1);
        assertThat(s.sum(FAILURES)).isEqualTo(MetricNames.MAX_FAILURE_SERIES + 4);
        assertThat(s.of(FAILURES).stream().map(x -> x.labels().get("error")))
                .allMatch(e -> e.length() <= MetricNames.MAX_ERROR_LENGTH).contains(MetricNames.OTHER);
    }

    @Test
    void gaugesShowTheStateNowAndTheUsers() {
        state.set(RunState.SPAWNING);
        target.set(50);
        recorder.record("GET", "/a", 1_000_000, 0, null);
        interval(12);
        Scraped s = scrape();
        assertThat(s.value(MetricNames.USERS)).isEqualTo(12);
        assertThat(s.value(MetricNames.TARGET_USERS)).isEqualTo(50);
        assertThat(s.value(MetricNames.RUN_STATE, "state", "spawning")).isEqualTo(1);
        assertThat(s.sum(MetricNames.RUN_STATE)).isEqualTo(1);
        assertThat(s.of(MetricNames.RUN_STATE)).extracting(x -> x.labels().get("state"))
                .containsExactlyInAnyOrder("ready", "spawning", "running", "stopping", "stopped");

        state.set(RunState.STOPPED);
        output.finish(new RunResult(StatsSnapshot.empty(0), "done", List.of()));
        s = scrape();
        assertThat(s.value(MetricNames.RUN_STATE, "state", "stopped")).isEqualTo(1);
        assertThat(s.value(MetricNames.USERS)).isZero();
    }

    @Test
    void arrivalFiguresAddUpOverRunsThatEachCountFromZero() {
        output.start(INFO);
        output.onArrival(new ArrivalStats(10, 10, 1, 5, 10), null);
        output.onArrival(new ArrivalStats(20, 18, 2, 5, 10), null);
        output.finish(new RunResult(StatsSnapshot.empty(0), "done", List.of(), List.of(), null,
                new ArrivalStats(25, 22, 3, 0, 10)));
        output.start(INFO);
        output.onArrival(new ArrivalStats(4, 4, 0, 5, 10), null);
        Scraped s = scrape();
        assertThat(s.value(MetricNames.ITERATIONS_SCHEDULED)).isEqualTo(29);
        assertThat(s.value(MetricNames.ITERATIONS_DROPPED)).isEqualTo(3);
    }

    @Test
    void countsChecksAndExceptions() {
        recorder.recordCheck("logged in", true);
        recorder.recordCheck("logged in", true);
        recorder.recordCheck("logged in", false);
        recorder.recordException(new IllegalStateException("boom"));
        interval(1);
        Scraped s = scrape();
        assertThat(s.value(MetricNames.CHECKS, "check", "logged in", "result", "pass")).isEqualTo(2);
        assertThat(s.value(MetricNames.CHECKS, "check", "logged in", "result", "fail")).isEqualTo(1);
        assertThat(s.value(MetricNames.EXCEPTIONS)).isEqualTo(1);
    }

    @Test
    void namesWithQuotesAndNewlinesSurviveTheTextFormat() {
        String odd = "/search \"q\"\\n\nnext";
        recorder.record("GET", odd, 1_000_000, 0, null);
        interval(1);
        assertThat(scrape().value(REQUESTS, "name", odd)).isEqualTo(1);
    }

    @Test
    void beforeAnyRunTheUnlabelledMetricsAreThereAtZero() {
        Scraped s = scrape();
        assertThat(s.value(MetricNames.ITERATIONS_DROPPED)).isZero();
        assertThat(s.value(MetricNames.EXCEPTIONS)).isZero();
        assertThat(s.value(MetricNames.USERS)).isZero();
        assertThat(s.value(MetricNames.RUN_STATE, "state", "ready")).isEqualTo(1);
        // a family without series is not written at all (the client's writer skips it)
        assertThat(s.of(REQUESTS)).isEmpty();
    }
}
