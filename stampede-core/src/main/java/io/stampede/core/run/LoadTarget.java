package io.stampede.core.run;

import java.time.Duration;
import java.util.Set;

/**
 * What a controller asks the engine for: a number of users (the closed model) or an arrival rate
 * (the open model). A plan is a timeline of targets; the web UI, a test or a master sends them too.
 */
public sealed interface LoadTarget {
    /**
     * Ramp the running users towards {@code users}, starting or stopping them at {@code spawnRate} per
     * second (0 or less: all at once), with only the named classes (null: all of them); users of the
     * other classes are stopped at the same rate.
     */
    record Users(int users, double spawnRate, Set<String> userClasses) implements LoadTarget {
        public Users {
            if (users < 0) {
                throw new IllegalArgumentException("the user count must be 0 or more, was " + users);
            }
            if (Double.isNaN(spawnRate)) {
                throw new IllegalArgumentException("the spawn rate must be a number");
            }
            userClasses = userClasses == null ? null : Set.copyOf(userClasses);
        }

        public Users(int users, double spawnRate) {
            this(users, spawnRate, null);
        }
    }

    /**
     * Start iterations at {@code perSecond}, reached linearly from the current rate over {@code ramp}
     * (zero: at once), whatever the server does; the pool of users grows as {@code pool} allows.
     * {@code lasts}, when not null, is how long the target holds before the plan's next one: the
     * schedule issues nothing past it until that next target arrives, so a target delivered a few
     * milliseconds late cannot make a run issue more iterations than its plan.
     */
    record Rate(double perSecond, Duration ramp, ArrivalPool pool, Duration lasts) implements LoadTarget {
        public Rate {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("the arrival rate must be 0 or more per second, was " + perSecond);
            }
            if (ramp.isNegative() || (lasts != null && lasts.isNegative())) {
                throw new IllegalArgumentException("a ramp or a hold cannot be negative");
            }
        }

        /** A target that holds until changed. */
        public Rate(double perSecond, Duration ramp, ArrivalPool pool) {
            this(perSecond, ramp, pool, null);
        }

        /** The same pool at another rate, reached at once and held until changed: a live change of the rate. */
        public Rate withRate(double rate) {
            return new Rate(rate, Duration.ZERO, pool, null);
        }
    }

    /**
     * The open model's pool of users.
     *
     * @param preAllocated users started before the first iteration
     * @param maxUsers the most users the pool may grow to; beyond that, iterations wait and start late
     * @param maxDelay how late an iteration may start; a later one is dropped and counted
     */
    record ArrivalPool(int preAllocated, int maxUsers, Duration maxDelay) {
        public ArrivalPool {
            if (preAllocated < 1 || maxUsers < preAllocated) {
                throw new IllegalArgumentException("need 1 <= pre-allocated users (" + preAllocated + ") <= max users ("
                        + maxUsers + ")");
            }
        }
    }
}
