package io.stampede.capacity;

import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Measures one step from the run's cumulative statistics ({@code RunDriver.latest()}): the first
 * snapshot taken after the warm-up, the first taken after the step's end, and their difference.
 * Snapshots come at the driver's interval, so a step is measured over whole intervals and its
 * counts are exact; it lasts up to one interval longer than asked.
 */
final class StepMeter {
    /** How often the snapshot is looked at: small against a one-second interval. */
    static final Duration POLL = Duration.ofMillis(20);
    /** How long a snapshot may be late before the run is taken as stuck. */
    static final Duration LATE = Duration.ofSeconds(10);

    private final Supplier<StatsSnapshot> latest;
    private final BooleanSupplier running;
    private final Clock clock;
    private final Pause pause;

    StepMeter(Supplier<StatsSnapshot> latest, BooleanSupplier running, Clock clock, Pause pause) {
        this.latest = latest;
        this.running = running;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * What was measured in the step whose load was set at {@code fromEpochMillis}, or null when the
     * run stopped (or its statistics stopped coming) before the step ended.
     */
    StatsSnapshot measure(long fromEpochMillis, Duration warmup, Duration step, int users) throws InterruptedException {
        StatsSnapshot start = awaitTakenAt(fromEpochMillis + warmup.toMillis());
        if (start == null) {
            return null;
        }
        // after the start's snapshot in any case: a step shorter than an interval still measures one
        StatsSnapshot end = awaitTakenAt(Math.max(fromEpochMillis + step.toMillis(), start.epochMillis() + 1));
        return end == null ? null : end.minus(start, users);
    }

    /**
     * Waits until the run has completed no request for {@code quiet} (its backlog has drained),
     * looking no longer than {@code max}; false when it did not drain in time (or the run ended).
     */
    boolean awaitDrained(Duration quiet, Duration max) throws InterruptedException {
        long giveUp = clock.epochMillis() + max.toMillis();
        long count = latest.get().total().count();
        long lastChange = clock.epochMillis();
        while (running.getAsBoolean()) {
            StatsSnapshot s = latest.get();
            if (s.total().count() != count) {
                count = s.total().count();
                lastChange = s.epochMillis();
            } else if (s.epochMillis() - lastChange >= Math.max(1, quiet.toMillis())) {
                return true;
            }
            if (clock.epochMillis() > giveUp) {
                return false;
            }
            pause.pause(POLL);
        }
        return false;
    }

    private StatsSnapshot awaitTakenAt(long epochMillis) throws InterruptedException {
        long giveUp = epochMillis + LATE.toMillis();
        while (true) {
            StatsSnapshot s = latest.get();
            if (s.epochMillis() >= epochMillis) {
                return s;
            }
            if (!running.getAsBoolean() || clock.epochMillis() > giveUp) {
                return null;
            }
            pause.pause(POLL);
        }
    }
}
