package io.stampede.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import org.junit.jupiter.api.Test;

class ThresholdTest {
    private StatsSnapshot stats() {
        StatsRegistry r = new StatsRegistry(Clock.SYSTEM, "t");
        for (int ms = 1; ms <= 100; ms++) {
            r.record("GET", "/api/v1/products/", ms * 1_000_000L, 0, null);
        }
        r.record("POST", "/login", 900_000_000L, 0, "HTTP 500 Internal Server Error");
        r.recordCheck("status is 200", true);
        r.recordCheck("status is 200", false);
        return new StatsCollector(r, Clock.SYSTEM).tick(1);
    }

    @Test
    void parsesK6StyleExpressions() {
        Threshold t = Threshold.parse("GET /api/v1/products/:p99<800ms");
        assertThat(t.method()).isEqualTo("GET");
        assertThat(t.name()).isEqualTo("/api/v1/products/");
        assertThat(t.metric()).isEqualTo("p99");
        assertThat(t.limit()).isEqualTo(800);
        assertThat(Threshold.parse("p95<2s").limit()).isEqualTo(2000);
        assertThat(Threshold.parse("fail_ratio<1%").limit()).isEqualTo(0.01);
        assertThat(Threshold.parse("/login:avg<=100").name()).isEqualTo("/login");
        assertThat(Threshold.parse("/login:avg<=100").method()).isNull();
    }

    @Test
    void rejectsUnknownSyntaxWithAnExample() {
        assertThatThrownBy(() -> Threshold.parse("p95 is small")).hasMessageContaining("examples: p95<500ms");
        assertThatThrownBy(() -> Threshold.parse("latency<5")).hasMessageContaining("not a threshold");
    }

    @Test
    void evaluatesAgainstTheStatistics() {
        StatsSnapshot s = stats();
        assertThat(Threshold.parse("GET /api/v1/products/:p99<800ms").evaluate(s).passed()).isTrue();
        assertThat(Threshold.parse("GET /api/v1/products/:max<=100").evaluate(s).passed()).isTrue();
        assertThat(Threshold.parse("p100<800ms").evaluate(s).passed()).isFalse();
        assertThat(Threshold.parse("fail_ratio<0.01").evaluate(s).passed()).isTrue();
        assertThat(Threshold.parse("fail_ratio<0.005").evaluate(s).passed()).isFalse();
        assertThat(Threshold.parse("requests==101").evaluate(s).passed()).isTrue();
        assertThat(Threshold.parse("checks>0.9").evaluate(s).actual()).isEqualTo(0.5);
        ThresholdResult none = Threshold.parse("/nothing:p95<1s").evaluate(s);
        assertThat(none.passed()).isFalse();
        assertThat(none.actualText()).isEqualTo("n/a");
    }
}
