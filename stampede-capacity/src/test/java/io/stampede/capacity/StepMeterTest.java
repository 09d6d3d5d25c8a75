package io.stampede.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The step's window on a fake run: a request every 20 ms of fake time, statistics taken every
 * 200 ms, as a driver would; the meter must count exactly the requests after the warm-up.
 */
class StepMeterTest {
    private long millis = 1_700_000_000_000L;
    private final Clock clock = new Clock() {
        @Override
        public long nanoTime() {
            return millis * 1_000_000L;
        }

        @Override
        public long epochMillis() {
            return millis;
        }
    };
    private final StatsRegistry registry = new StatsRegistry(clock, "test");
    private final StatsCollector collector = new StatsCollector(registry, clock);
    private final AtomicReference<StatsSnapshot> latest = new AtomicReference<>(collector.snapshot());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private long recorded;
    private long recordedAfterWarmup;

    /** Each pause is 20 ms of the fake run: a request, and the statistics at every 200 ms. */
    private final Pause run = d -> {
        millis += d.toMillis();
        registry.record("GET", "/r", 5_000_000L, 0, null);
        recorded++;
        if (millis - 1_700_000_000_000L > 400) {
            recordedAfterWarmup++;
        }
        if ((millis - 1_700_000_000_000L) % 200 == 0) {
            latest.set(collector.tick(3));
        }
        if (recorded > 1000) {
            throw new AssertionError("the meter kept waiting");
        }
    };

    private StepMeter meter() {
        return new StepMeter(latest::get, running::get, clock, run);
    }

    @Test
    void measuresFromTheFirstStatisticsAfterTheWarmUpToTheFirstAfterTheStep() throws Exception {
        long from = millis;
        StatsSnapshot s = meter().measure(from, Duration.ofMillis(400), Duration.ofSeconds(2), 3);
        // the warm-up ends at 400 ms with the statistics taken then; the step ends at 2000 ms
        assertThat(s.startEpochMillis()).isEqualTo(from + 400);
        assertThat(s.epochMillis()).isEqualTo(from + 2000);
        assertThat(s.total().count()).isEqualTo(recordedAfterWarmup).isEqualTo(80);
        assertThat(s.rps(s.total())).isEqualTo(50.0);
        assertThat(s.users()).isEqualTo(3);
    }

    @Test
    void aStepShorterThanAnIntervalStillMeasuresOne() throws Exception {
        long from = millis;
        StatsSnapshot s = meter().measure(from, Duration.ofMillis(100), Duration.ofMillis(150), 3);
        // the first statistics after the warm-up, at 200 ms, are after the step's end too: the next ones end it
        assertThat(s.startEpochMillis()).isEqualTo(from + 200);
        assertThat(s.epochMillis()).isEqualTo(from + 400);
    }

    @Test
    void aRunThatEndsFirstGivesNoMeasurement() throws Exception {
        running.set(false);
        assertThat(meter().measure(millis, Duration.ofMillis(400), Duration.ofSeconds(2), 3)).isNull();
    }

    @Test
    void statisticsThatStopComingGiveNoMeasurement() throws Exception {
        // the run is on but its driver hands out nothing: the meter gives up after a while, not never
        StepMeter stuck = new StepMeter(latest::get, running::get, clock, d -> millis += d.toMillis());
        long from = millis;
        assertThat(stuck.measure(from, Duration.ofMillis(400), Duration.ofSeconds(2), 3)).isNull();
        assertThat(millis - from).isBetween(StepMeter.LATE.toMillis(), StepMeter.LATE.toMillis() + 1000);
    }

    @Test
    void aRunHasDrainedWhenNoRequestCompletedForTheQuietTime() throws Exception {
        // requests complete until 600 ms, then none: drained once 300 ms pass without one
        Pause draining = d -> {
            millis += d.toMillis();
            if (millis - 1_700_000_000_000L <= 600) {
                registry.record("GET", "/r", 5_000_000L, 0, null);
            }
            if ((millis - 1_700_000_000_000L) % 200 == 0) {
                latest.set(collector.tick(3));
            }
        };
        StepMeter m = new StepMeter(latest::get, running::get, clock, draining);
        long from = millis;
        assertThat(m.awaitDrained(Duration.ofMillis(300), Duration.ofSeconds(5))).isTrue();
        // the last completions were counted at 600 ms; 800 ms had none, and 1000 ms made it 400 ms quiet
        assertThat(millis - from).isEqualTo(1000);
    }

    @Test
    void aRunThatNeverDrainsIsGivenUpOn() throws Exception {
        StepMeter m = meter(); // a request every 20 ms, for ever
        long from = millis;
        assertThat(m.awaitDrained(Duration.ofMillis(300), Duration.ofSeconds(2))).isFalse();
        assertThat(millis - from).isBetween(2000L, 2100L);
    }
}
