package io.stampede.core.run;

import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A controller without threads for driver tests: each measurement records one 10 ms request per
 * "user" (failed with a 503 above 20 users), so what the driver saw is known exactly.
 */
final class ScriptedController implements LoadController {
    final StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "t");
    final StatsCollector collector = new StatsCollector(registry, Clock.SYSTEM);
    final List<LoadTarget> targets = new CopyOnWriteArrayList<>();
    volatile int users;
    volatile long recorded;
    volatile int stops;

    /** The user counts of the targets applied so far. */
    List<Integer> userTargets() {
        return targets.stream().filter(t -> t instanceof LoadTarget.Users).map(t -> ((LoadTarget.Users) t).users()).toList();
    }

    @Override
    public void check(LoadTarget target) {
        if (target instanceof LoadTarget.Users u && u.userClasses() != null && u.userClasses().contains("Nobody")) {
            throw new IllegalArgumentException("no user class Nobody in this run");
        }
    }

    @Override
    public void apply(LoadTarget target, long atNanos) {
        targets.add(target);
        if (target instanceof LoadTarget.Users u) {
            users = u.users();
        }
    }

    @Override
    public boolean settled() {
        return true;
    }

    @Override
    public int runningUsers() {
        return users;
    }

    @Override
    public Measurement measure() {
        int n = users;
        for (int i = 0; i < n; i++) {
            registry.record("GET", "/x", 10_000_000L, 2, n > 20 ? "HTTP 503 Service Unavailable" : null);
        }
        recorded += n;
        return new Measurement(collector.next(n), null, null);
    }

    @Override
    public void stopAll() {
        stops++;
        users = 0;
    }
}
