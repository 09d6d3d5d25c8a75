package io.stampede.capacity;

import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.plan.LoadPlan;
import io.stampede.core.plan.Plan;
import io.stampede.core.plan.Stage;
import io.stampede.core.run.LoadTarget;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the search varies. {@link Closed}: a number of users, each waiting for its answer, so a slow
 * server slows its users down (Locust's model). {@link Open}: an arrival rate, iterations started on
 * schedule however slow the server is (k6's arrival-rate executors); the latency then counts from
 * each iteration's intended start, so queueing shows even when the pool of users runs out.
 */
public sealed interface LoadModel {
    /** Loads in users: whole numbers. */
    record Closed() implements LoadModel {
        @Override
        public String unit() {
            return "users";
        }

        @Override
        public double round(double load) {
            return Math.round(load);
        }

        @Override
        public double smallestStep() {
            return 1;
        }

        @Override
        public Plan plan(double load, Duration ramp, Duration runTime) {
            return LoadPlan.constant((int) load, spawnRate(0, load, ramp), runTime);
        }

        @Override
        public LoadTarget target(double from, double load, Duration ramp) {
            return new LoadTarget.Users((int) load, spawnRate(from, load, ramp));
        }

        /** Users started (or stopped) evenly over the ramp, so they do not all send their first request together. */
        private static double spawnRate(double from, double to, Duration ramp) {
            return ramp.isZero() ? 0 : Math.max(1, Math.abs(to - from) / (ramp.toMillis() / 1000.0));
        }

        @Override
        public String format(double load) {
            return (long) load + " users";
        }

        /** Each user has at most one request out, so what queued at a higher load is gone within its p99. */
        @Override
        public boolean pausesToDrain() {
            return false;
        }
    }

    /**
     * Loads in iterations started per second, to a tenth.
     *
     * @param pool the users that carry the iterations out; when all are busy, iterations start late
     *             (and are dropped past the pool's delay), which the latency shows
     */
    record Open(LoadTarget.ArrivalPool pool) implements LoadModel {
        @Override
        public String unit() {
            return "iterations/s";
        }

        @Override
        public double round(double load) {
            return Math.round(load * 10) / 10.0;
        }

        @Override
        public double smallestStep() {
            return 0.1;
        }

        @Override
        public Plan plan(double load, Duration ramp, Duration runTime) {
            // ramp from nothing, then hold: the hold's length only bounds the run, the search stops it
            return new ArrivalPlan(0, List.of(new Stage(ramp, load), new Stage(runTime, load)), pool.preAllocated(),
                    pool.maxUsers(), pool.maxDelay());
        }

        @Override
        public LoadTarget target(double from, double load, Duration ramp) {
            return new LoadTarget.Rate(load, ramp, pool);
        }

        /**
         * The backlog of a higher rate (the pool's busy users and the late iterations) drains only at
         * capacity less the new rate, which may take far longer than a step.
         */
        @Override
        public boolean pausesToDrain() {
            return true;
        }

        @Override
        public String format(double load) {
            String n = load == Math.rint(load) ? Long.toString((long) load) : String.format(Locale.ROOT, "%.1f", load);
            return n + "/s";
        }
    }

    /** How loads are counted, for the report: "users" or "iterations/s". */
    String unit();

    /** The nearest load this model can run. */
    double round(double load);

    /** The smallest difference between two loads worth measuring apart. */
    double smallestStep();

    /** The first step's plan: {@code load} reached over {@code ramp}, held until stopped or {@code runTime}. */
    Plan plan(double load, Duration ramp, Duration runTime);

    /** A later step: from {@code from} to {@code load} over {@code ramp}, held until the next change. */
    LoadTarget target(double from, double load, Duration ramp);

    /** A load for people: "20 users", "12.5/s". */
    String format(double load);

    /**
     * Whether a step down first pauses the load until the run has drained (true), or only waits
     * longer before measuring (false).
     */
    boolean pausesToDrain();
}
