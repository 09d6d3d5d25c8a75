package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsInterval;
import java.util.List;

/** A synthetic run through {@link StoreOutput} and back, checked value by value; the same on every database. */
final class RoundTrip {
    private RoundTrip() {
    }

    /** Stores a run in {@code store}, checks what comes back, and returns its id. */
    static long check(ResultsStore store, long seed) throws Exception {
        List<StatsInterval> intervals = SyntheticRun.intervals(seed, 25);
        RunResult result = SyntheticRun.result(intervals);
        StoreOutput output = store.output("shop.java");
        output.start(SyntheticRun.INFO);
        long id = output.runId();
        assertThat(id).isPositive();
        assertThat(store.runs()).filteredOn(r -> r.id() == id).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.RUNNING));
        intervals.forEach(output::onInterval);
        output.finish(result);
        assertThat(output.intervalsStored()).isEqualTo(intervals.size());

        RunSummary summary = store.runs().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(summary.scenario()).isEqualTo("shop.java");
        assertThat(summary.host()).isEqualTo(SyntheticRun.INFO.host());
        assertThat(summary.plan()).isEqualTo(SyntheticRun.INFO.plan());
        assertThat(summary.startedEpochMillis()).isEqualTo(SyntheticRun.START);
        assertThat(summary.endedEpochMillis()).isPositive();
        assertThat(summary.stopReason()).isEqualTo("run time reached");
        assertThat(summary.users()).isEqualTo(20);
        assertThat(summary.requests()).isEqualTo(result.stats().total().count());
        assertThat(summary.failures()).isEqualTo(result.stats().total().failures());
        assertThat(summary.failurePercent()).isEqualTo(result.stats().total().failRatio() * 100);
        assertThat(summary.p95Millis()).isEqualTo(result.stats().total().percentileMillis(95));
        assertThat(summary.thresholds()).isEqualTo(ThresholdsOutcome.FAILED);

        StoredRun run = store.load(id);
        assertThat(run.info()).isEqualTo(SyntheticRun.INFO);
        assertThat(run.summary()).isEqualTo(summary);
        // every interval decodes equal, histograms, errors, exceptions and checks included
        assertThat(run.intervals()).containsExactlyElementsOf(intervals);
        assertThat(run.entries()).containsExactlyElementsOf(result.stats().entries());
        assertThat(run.total()).isEqualTo(result.stats().total());
        assertThat(run.statsStartEpochMillis()).isEqualTo(result.stats().startEpochMillis());
        assertThat(run.statsEndEpochMillis()).isEqualTo(result.stats().epochMillis());
        assertThat(run.thresholds()).extracting(StoredThreshold::expression)
                .containsExactly("p95<500ms", "fail_ratio<0.01", "checks>0.99");
        assertThat(run.thresholds().get(0).actual()).isEqualTo(result.thresholds().get(0).actual());
        assertThat(run.thresholds()).extracting(StoredThreshold::passed).containsExactly(true, false, false);
        assertThat(run.thresholds().get(2).actual()).isNaN();
        assertThat(store.latestId()).isGreaterThanOrEqualTo(id);
        return id;
    }
}
