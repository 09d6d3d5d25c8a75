package io.stampede.capacity;

import io.stampede.core.run.LoadController;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.Measurement;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A made-up system behind the driver's seam, in real time: each user wants 10 requests a second,
 * the system serves at most {@code plateau}, and past it the response time grows with the queue.
 * Counts come from the time elapsed, so the driver's intervals see a steady rate.
 */
final class PoolController implements LoadController {
    private final double plateau;
    private final StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "fake");
    private final StatsCollector collector = new StatsCollector(registry, Clock.SYSTEM);
    /** Every target the driver applied, in order. */
    final List<LoadTarget> targets = new CopyOnWriteArrayList<>();
    private volatile int users;
    private long lastNanos = System.nanoTime();
    private double owed;

    PoolController(double plateau) {
        this.plateau = plateau;
    }

    @Override
    public void check(LoadTarget target) {
        if (!(target instanceof LoadTarget.Users)) {
            throw new IllegalArgumentException("users only");
        }
    }

    @Override
    public void apply(LoadTarget target, long atNanos) {
        targets.add(target);
        users = ((LoadTarget.Users) target).users();
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
    public synchronized Measurement measure() {
        long now = System.nanoTime();
        double rate = Math.min(10.0 * users, plateau);
        long millis = Math.round(200 * Math.max(1, 10.0 * users / plateau));
        owed += rate * (now - lastNanos) / 1e9;
        lastNanos = now;
        for (; owed >= 1; owed--) {
            registry.record("GET", "/r", millis * 1_000_000L, 0, null);
        }
        return new Measurement(collector.next(users), null, null);
    }

    @Override
    public void stopAll() {
        users = 0;
    }
}
