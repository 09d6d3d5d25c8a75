package io.stampede.cluster;

import io.stampede.core.run.LoadTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster's target as each worker's share, in proportion to the workers' capacities: users and
 * pool sizes by {@link Shares} (so they add up exactly), rates and spawn rates in exact proportion.
 */
final class TargetSplit {
    private TargetSplit() {
    }

    /**
     * @param elapsed how long ago the target took effect: a re-split (a worker came or went) keeps
     *                only what is left of the ramp and of the hold, so the plan's timeline stays
     */
    static List<LoadTarget> split(LoadTarget target, int[] capacities, Duration elapsed) {
        long sum = 0;
        for (int c : capacities) {
            sum += c;
        }
        List<LoadTarget> shares = new ArrayList<>(capacities.length);
        switch (target) {
            case LoadTarget.Users u -> {
                int[] users = Shares.split(u.users(), capacities);
                for (int i = 0; i < capacities.length; i++) {
                    double spawn = u.spawnRate() <= 0 ? u.spawnRate() : u.spawnRate() * capacities[i] / sum;
                    shares.add(new LoadTarget.Users(users[i], spawn, u.userClasses()));
                }
            }
            case LoadTarget.Rate r -> {
                int[] pre = Shares.split(r.pool().preAllocated(), capacities);
                int[] max = Shares.split(r.pool().maxUsers(), capacities);
                Duration ramp = remaining(r.ramp(), elapsed);
                Duration lasts = r.lasts() == null ? null : remaining(r.lasts(), elapsed);
                for (int i = 0; i < capacities.length; i++) {
                    // every worker's pool needs one user to start its iterations: a small pool rounds up
                    int p = Math.max(1, pre[i]);
                    var pool = new LoadTarget.ArrivalPool(p, Math.max(p, max[i]), r.pool().maxDelay());
                    shares.add(new LoadTarget.Rate(r.perSecond() * capacities[i] / sum, ramp, pool, lasts));
                }
            }
        }
        return shares;
    }

    private static Duration remaining(Duration d, Duration elapsed) {
        Duration left = d.minus(elapsed);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
