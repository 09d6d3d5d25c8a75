package io.stampede.core.run;

import io.stampede.core.plan.ArrivalPlan;
import io.stampede.core.spec.UserSpec;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The open model: a scheduler thread issues iterations at the plan's rate, whatever the server does,
 * and idle users from a pool take them. When every user is busy the pool grows up to its maximum;
 * past that, iterations wait and start late (their latency counts from when they should have
 * started, so a stall shows in the percentiles instead of vanishing), and an iteration that could
 * not start within the plan's maximum delay is dropped and counted. The console is told once when
 * iterations start being late and once when they start being dropped.
 */
public final class ArrivalEngine implements LoadController, AutoCloseable {
    private static final long SCHEDULER_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ArrivalPlan plan;
    private final UserMix mix;
    private final boolean[] allClasses;
    private final SessionFactory sessions;
    private final StatsRegistry registry;
    private final StatsCollector collector;
    private final StatsRegistry uncorrectedRegistry;
    private final StatsCollector uncorrected;
    private final EngineSettings settings;
    private final Clock clock;
    private final Consumer<String> notices;
    private final SplittableRandom seeds;
    private final BlockingQueue<Long> backlog;
    private final ConcurrentLinkedQueue<UserLoop> users = new ConcurrentLinkedQueue<>();
    private final int[] counts;
    private final AtomicInteger alive = new AtomicInteger();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private boolean lateNoticed;
    private Thread scheduler;
    private long nextUserId = 1;

    public ArrivalEngine(List<UserSpec> specs, ArrivalPlan plan, SessionFactory sessions, StatsRegistry registry,
                         StatsCollector collector, StatsRegistry uncorrectedRegistry, StatsCollector uncorrected,
                         EngineSettings settings, Clock clock, Consumer<String> notices) {
        this.plan = plan;
        this.mix = new UserMix(specs);
        this.allClasses = mix.select(null);
        this.sessions = sessions;
        this.registry = registry;
        this.collector = collector;
        this.uncorrectedRegistry = uncorrectedRegistry;
        this.uncorrected = uncorrected;
        this.settings = settings;
        this.clock = clock;
        this.notices = notices;
        this.seeds = new SplittableRandom(settings.seed());
        this.backlog = new LinkedBlockingQueue<>();
        this.counts = new int[specs.size()];
    }

    /** Starts the pre-allocated users and the schedule. */
    public void start() {
        for (int i = 0; i < plan.preAllocatedUsers(); i++) {
            spawn();
        }
        scheduler = Thread.ofPlatform().daemon().name("stampede-arrivals").start(this::schedule);
    }

    public List<String> userClasses() {
        return mix.specs().stream().map(UserSpec::name).toList();
    }

    @Override
    public void setUsers(int users, double perSecond) {
        throw new UnsupportedOperationException("an arrival-rate run sets the rate, not the number of users");
    }

    @Override
    public int runningUsers() {
        return alive.get();
    }

    @Override
    public StatsSnapshot snapshot() {
        return collector.tick(alive.get());
    }

    /** Statistics measured from the actual send, without coordinated-omission correction. */
    public StatsSnapshot uncorrectedSnapshot() {
        return uncorrected.tick(alive.get());
    }

    public ArrivalStats arrivalStats() {
        return new ArrivalStats(scheduled.get(), started.get(), dropped.get(), users.size(), plan.maxUsers());
    }

    private void schedule() {
        long t0 = clock.nanoTime();
        long endNanos = plan.duration().toNanos();
        long issued = 0;
        long lastNanos = 0;
        double lastDue = 0;
        while (running) {
            long now = Math.min(clock.nanoTime() - t0, endNanos);
            double due = plan.iterationsBy(now / 1e9);
            while (issued < due) {
                // when iteration number 'issued' was due: interpolate inside the last tick
                double fraction = Math.min(1, Math.max(0, (issued - lastDue) / (due - lastDue)));
                long intended = t0 + lastNanos + (long) (fraction * (now - lastNanos));
                issue(intended);
                issued++;
            }
            lastNanos = now;
            lastDue = due;
            if (now >= endNanos) {
                break;
            }
            growPool();
            dropExpired();
            LockSupport.parkNanos(SCHEDULER_TICK_NANOS);
        }
    }

    private void issue(long intendedNanos) {
        scheduled.incrementAndGet();
        backlog.offer(intendedNanos);
        growPool();
        if (!lateNoticed && idle.get() == 0 && starting.get() == 0 && users.size() >= plan.maxUsers() && backlog.size() > 1) {
            lateNoticed = true;
            notices.accept("arrival rate: all " + users.size() + " users are busy (--max-users " + plan.maxUsers()
                    + "); iterations are starting late and their latency counts from when they were due.");
        }
        dropExpired();
    }

    /** Iterations later than the plan's maximum delay are dropped, counted, and never started. */
    private void dropExpired() {
        long limit = clock.nanoTime() - plan.maxDelay().toNanos();
        Long head;
        while ((head = backlog.peek()) != null && head < limit) {
            if (backlog.remove(head)) {
                drop();
            }
        }
    }

    private void drop() {
        if (dropped.getAndIncrement() == 0) {
            notices.accept("arrival rate: iterations more than " + plan.maxDelay().toMillis() + " ms late are being dropped"
                    + " (counted): all " + users.size() + " users are busy. Raise --max-users or lower the rate.");
        }
    }

    /** Adds users while iterations wait and nobody is idle or on the way. */
    private void growPool() {
        int waiting = backlog.size() - idle.get() - starting.get();
        for (int i = 0; i < waiting && users.size() < plan.maxUsers(); i++) {
            spawn();
        }
    }

    private void spawn() {
        int c = mix.nextToStart(counts, allClasses);
        counts[c]++;
        long id = nextUserId++;
        ShiftingRecorder recorder = new ShiftingRecorder(registry, uncorrectedRegistry);
        UserLoop.Iterations source = new UserLoop.Iterations() {
            private boolean first = true;

            @Override
            public ShiftingRecorder recorder() {
                return recorder;
            }

            @Override
            public long next() throws InterruptedException {
                if (first) {
                    first = false;
                    starting.decrementAndGet();
                }
                idle.incrementAndGet();
                try {
                    Long intended = backlog.poll(20, TimeUnit.MILLISECONDS);
                    if (intended == null) {
                        return -1;
                    }
                    if (clock.nanoTime() - intended > plan.maxDelay().toNanos()) {
                        drop();
                        return -1;
                    }
                    started.incrementAndGet();
                    return intended;
                } finally {
                    idle.decrementAndGet();
                }
            }
        };
        UserLoop loop = new UserLoop(mix.specs().get(c), id, seeds.split(), sessions, registry, source, alive::decrementAndGet);
        starting.incrementAndGet();
        alive.incrementAndGet();
        users.add(loop);
        Thread.ofVirtual().name("user-" + id).start(loop);
    }

    @Override
    public void stopAll() {
        running = false;
        if (scheduler != null) {
            try {
                scheduler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        users.forEach(UserLoop::requestStop);
        if (!awaitEnded(settings.stopTimeout().toNanos())) {
            users.forEach(UserLoop::forceStop);
            awaitEnded(TimeUnit.SECONDS.toNanos(10));
        }
    }

    private boolean awaitEnded(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (alive.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return alive.get() == 0;
    }

    @Override
    public void close() {
        stopAll();
        sessions.close();
    }
}
