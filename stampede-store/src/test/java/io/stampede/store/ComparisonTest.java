package io.stampede.store;

import static io.stampede.store.SampledRun.logNormal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regressions are flagged when B is worse beyond the tolerance and the samples say it is no accident:
 * noise between two runs of the same system is not, tiny samples are not, a real shift in latency
 * or in the failure rate is.
 */
@Timeout(30)
class ComparisonTest {

    @Test
    void twoRunsOfTheSameDistributionDoNotRegress() {
        StoredRun a = new SampledRun(1).name("/api/items", 11, 3000, logNormal(40, 0.4, 1), 30)
                .name("/api/health", 12, 1000, logNormal(5, 0.3, 1), 0).stored();
        StoredRun b = new SampledRun(2).name("/api/items", 21, 3000, logNormal(40, 0.4, 1), 36)
                .name("/api/health", 22, 1000, logNormal(5, 0.3, 1), 0).stored();
        // No tolerance at all: any worse number counts as worse, so only the tests stand in the way.
        Comparison c = Comparison.of(a, b, 0);
        assertThat(c.rows()).extracting(ComparisonRow::label).containsExactly("GET /api/health", "GET /api/items",
                "Aggregated");
        assertThat(c.rows()).as("the numbers differ, and some are worse")
                .anyMatch(ComparisonRow::latencyWorse).anyMatch(ComparisonRow::failuresWorse);
        assertThat(c.rows()).noneMatch(ComparisonRow::regressed);
        assertThat(c.regressed()).isFalse();
        assertThat(c.render(ZoneOffset.UTC)).contains("worse, not significant").contains("No regression.");
    }

    @Test
    void latenciesThirtyPercentHigherRegress() {
        StoredRun a = new SampledRun(1).name("/api/items", 11, 2000, logNormal(40, 0.4, 1), 0)
                .name("/api/health", 12, 1000, logNormal(5, 0.3, 1), 0).stored();
        StoredRun b = new SampledRun(2).name("/api/items", 21, 2000, logNormal(40, 0.4, 1.3), 0)
                .name("/api/health", 22, 1000, logNormal(5, 0.3, 1), 0).stored();
        Comparison c = Comparison.of(a, b, 0.10);
        ComparisonRow items = c.rows().get(1);
        assertThat(items.label()).isEqualTo("GET /api/items");
        assertThat(items.change(95)).isBetween(0.2, 0.4);
        assertThat(items.latencyRegressed()).isTrue();
        assertThat(items.latencyP()).isLessThan(1e-6);
        assertThat(items.failuresRegressed()).isFalse();
        assertThat(c.rows().get(0).regressed()).as("/api/health did not change").isFalse();
        assertThat(c.regressed()).isTrue();
        String table = c.render(ZoneOffset.UTC);
        assertThat(table).contains("REGRESSED (slower)").contains("Regression: ").contains("<0.001");
        assertThat(table.lines().filter(l -> l.startsWith("GET /api/items"))).singleElement()
                .satisfies(l -> assertThat(l).contains("REGRESSED"));
    }

    @Test
    void aBigDifferenceInTinySamplesIsNotSignificant() {
        StoredRun a = new SampledRun(1).name("/api/items", 10, 11, 12).stored();
        StoredRun b = new SampledRun(2).name("/api/items", 20, 22, 24).stored();
        ComparisonRow items = Comparison.of(a, b, 0.10).rows().get(0);
        assertThat(items.change(50)).isGreaterThan(0.8);
        assertThat(items.latencyWorse()).isTrue();
        // every sample of B above every sample of A: still a one-in-twenty chance with three each
        assertThat(items.latencyP()).isCloseTo(0.05, within(1e-9));
        assertThat(items.regressed()).isFalse();
    }

    @Test
    void aJumpInTheFailureRateRegresses() {
        StoredRun a = new SampledRun(1).name("/api/items", 11, 2000, logNormal(40, 0.4, 1), 20).stored();
        StoredRun b = new SampledRun(2).name("/api/items", 21, 2000, logNormal(40, 0.4, 1), 160).stored();
        ComparisonRow items = Comparison.of(a, b, 0.10).rows().get(0);
        assertThat(items.failuresRegressed()).isTrue();
        assertThat(items.failureP()).isLessThan(1e-12);
        assertThat(items.latencyRegressed()).isFalse();
        assertThat(Comparison.of(a, b, 0.10).render(ZoneOffset.UTC)).contains("1.00% -> 8.00%")
                .contains("REGRESSED (more failures)");
    }

    @Test
    void oneFailureMoreIsNoRegression() {
        StoredRun a = new SampledRun(1).name("/api/items", 11, 100, logNormal(40, 0.4, 1), 0).stored();
        StoredRun b = new SampledRun(2).name("/api/items", 11, 100, logNormal(40, 0.4, 1), 1).stored();
        ComparisonRow items = Comparison.of(a, b, 0.10).rows().get(0);
        assertThat(items.failuresWorse()).as("any rise from zero is beyond the tolerance").isTrue();
        assertThat(items.failuresRegressed()).isFalse();
    }

    @Test
    void namesInOneRunOnlyAreShownNotJudged() {
        StoredRun a = new SampledRun(1).name("/api/old", 10, 11, 12).name("/api/items", 10, 11).stored();
        StoredRun b = new SampledRun(2).name("/api/new", 50, 60, 70).name("/api/items", 10, 11).stored();
        Comparison c = Comparison.of(a, b, 0.10);
        assertThat(c.rows()).extracting(ComparisonRow::label).containsExactly("GET /api/items", "GET /api/new",
                "GET /api/old", "Aggregated");
        assertThat(c.rows().subList(0, 3)).noneMatch(ComparisonRow::regressed);
        assertThat(c.render(ZoneOffset.UTC)).contains("only in B").contains("only in A");
    }

    @Test
    void aNegativeToleranceIsRefused() {
        StoredRun a = new SampledRun(1).name("/api/items", 10).stored();
        assertThatThrownBy(() -> Comparison.of(a, a, -0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the tolerance must be 0 or more, not -0.1");
    }
}
