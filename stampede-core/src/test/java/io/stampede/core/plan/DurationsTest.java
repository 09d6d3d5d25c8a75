package io.stampede.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesLocustStyleDurations() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2h5m10s")).isEqualTo(Duration.ofSeconds(2 * 3600 + 5 * 60 + 10));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("12")).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Durations.parse("5x")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("m5")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("not a duration");
    }

    @Test
    void formatsBack() {
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
    }
}
