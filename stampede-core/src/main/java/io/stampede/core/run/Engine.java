package io.stampede.core.run;

import io.stampede.core.spec.UserSpec;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import io.stampede.core.transport.SessionFactory;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs simulated users in this process: the {@link LoadController} of a local run (and, later, of
 * each worker). Both models share one {@link UserPool}: a users target goes to the closed model's
 * spawner, a rate target to the open model's scheduler. A run is of one model; after
 * {@link #stopAll} the engine can start again, with either.
 */
public final class Engine implements LoadController, AutoCloseable {
    private final UserMix mix;
    private final UserPool pool;
    private final ClosedSpawner closed;
    private final ArrivalScheduler open;
    private final StatsCollector collector;
    private final StatsCollector uncorrected;
    private volatile Model model = Model.NONE;
    /** After {@link #stopAll}: the last run's model stays for its final measurement; the next target may pick either. */
    private volatile boolean stopped = true;

    private enum Model { NONE, CLOSED, OPEN }

    /**
     * @param notices what the people running the test should know (words it as it likes)
     */
    public Engine(List<UserSpec> specs, SessionFactory sessions, EngineSettings settings, Clock clock,
                  Consumer<EngineNotice> notices) {
        this.mix = new UserMix(specs);
        StatsRegistry registry = new StatsRegistry(clock, settings.node());
        StatsRegistry raw = new StatsRegistry(clock, settings.node());
        this.collector = StatsCollector.intervalsOnly(registry, clock);
        this.uncorrected = StatsCollector.intervalsOnly(raw, clock);
        this.pool = new UserPool(sessions, registry, settings, clock);
        this.closed = new ClosedSpawner(mix, pool, clock);
        this.open = new ArrivalScheduler(mix, pool, registry, raw, clock, notices);
    }

    public List<String> userClasses() {
        return mix.specs().stream().map(UserSpec::name).toList();
    }

    @Override
    public void check(LoadTarget target) {
        switch (target) {
            case LoadTarget.Users u -> {
                if (model == Model.OPEN && !stopped) {
                    throw new IllegalArgumentException("this is an arrival-rate run: change its rate, not its users");
                }
                closed.classesOf(u);
            }
            case LoadTarget.Rate r -> {
                if (model == Model.CLOSED && !stopped) {
                    throw new IllegalArgumentException("this run has a number of users: change it, not a rate");
                }
            }
        }
    }

    @Override
    public void apply(LoadTarget target, long atNanos) {
        check(target);
        stopped = false;
        switch (target) {
            case LoadTarget.Users u -> {
                model = Model.CLOSED;
                closed.apply(u, atNanos);
            }
            case LoadTarget.Rate r -> {
                model = Model.OPEN;
                open.apply(r, atNanos);
            }
        }
    }

    @Override
    public boolean settled() {
        return switch (model) {
            case NONE -> true;
            case CLOSED -> stopped || closed.settled();
            case OPEN -> true;
        };
    }

    @Override
    public int runningUsers() {
        return pool.alive();
    }

    /** Users the closed model counts towards its target, per class in {@link #userClasses()} order. */
    public int[] usersPerClass() {
        return closed.usersPerClass();
    }

    @Override
    public Measurement measure() {
        int users = pool.alive();
        if (model == Model.OPEN) {
            return new Measurement(collector.next(users), uncorrected.next(users), open.stats());
        }
        return new Measurement(collector.next(users), null, null);
    }

    @Override
    public void stopAll() {
        closed.clear();
        open.stop();
        pool.stopAll();
        stopped = true;
    }

    @Override
    public void close() {
        stopAll();
        closed.close();
        pool.close();
    }
}
