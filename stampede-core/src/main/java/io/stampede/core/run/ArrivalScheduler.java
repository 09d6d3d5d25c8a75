package io.stampede.core.run;

import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The open model: a scheduler thread issues iterations at the target rate, whatever the server does,
 * and idle users from the pool take them. When every user is busy the pool grows up to its maximum;
 * past that, iterations wait and start late (their latency counts from when they should have started,
 * so a stall shows in the percentiles instead of vanishing), and an iteration that could not start
 * within the maximum delay is dropped and counted. The people running the test are told once when
 * iterations start being late and once when they start being dropped.
 */
final class ArrivalScheduler {
    private static final long SCHEDULER_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Float sums of the rate's integral land a hair above whole counts; an iteration is due past this. */
    private static final double DUE_EPSILON = 1e-6;

    private final UserMix mix;
    private final boolean[] allClasses;
    private final UserPool pool;
    private final StatsRegistry corrected;
    private final StatsRegistry uncorrected;
    private final Clock clock;
    private final Consumer<EngineNotice> notices;
    private final BlockingQueue<Long> backlog = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<UserLoop> users = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final int[] counts;
    private volatile LoadTarget.ArrivalPool limits;
    private volatile boolean running;
    private final ConcurrentLinkedQueue<PendingTarget> pending = new ConcurrentLinkedQueue<>();
    private boolean lateNoticed;
    private Thread scheduler;

    private record PendingTarget(LoadTarget.Rate target, long atNanos) {
    }

    ArrivalScheduler(UserMix mix, UserPool pool, StatsRegistry corrected, StatsRegistry uncorrected, Clock clock,
                     Consumer<EngineNotice> notices) {
        this.mix = mix;
        this.allClasses = mix.select(null);
        this.pool = pool;
        this.corrected = corrected;
        this.uncorrected = uncorrected;
        this.clock = clock;
        this.notices = notices;
        this.counts = new int[mix.specs().size()];
    }

    /** The first target of a run starts the pre-allocated users and the schedule; later ones change the rate. */
    synchronized void apply(LoadTarget.Rate target, long atNanos) {
        limits = target.pool();
        pending.add(new PendingTarget(target, atNanos));
        if (!running) {
            running = true;
            scheduled.set(0);
            started.set(0);
            dropped.set(0);
            lateNoticed = false;
            backlog.clear();
            // the users of a previous run have all ended (stopAll waited for them)
            users.clear();
            java.util.Arrays.fill(counts, 0);
            idle.set(0);
            starting.set(0);
            pending.clear();
            pending.add(new PendingTarget(target, atNanos));
            for (int i = 0; i < target.pool().preAllocated(); i++) {
                spawn();
            }
            scheduler = Thread.ofPlatform().daemon().name("stampede-arrivals").start(() -> schedule(atNanos));
        }
    }

    boolean active() {
        return running;
    }

    ArrivalStats stats() {
        LoadTarget.ArrivalPool p = limits;
        return new ArrivalStats(scheduled.get(), started.get(), dropped.get(), users.size(), p == null ? 0 : p.maxUsers());
    }

    /** Stops the schedule (no more iterations) and hands the pool's users to the caller's stop. */
    synchronized void stop() {
        running = false;
        if (scheduler != null) {
            try {
                scheduler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        users.forEach(UserLoop::requestStop);
    }

    private void schedule(long startNanos) {
        Tick tick = new Tick(new RateSchedule(startNanos), startNanos);
        while (running) {
            tick.run();
            LockSupport.parkNanos(SCHEDULER_TICK_NANOS);
        }
        // a stop can arrive before this thread's last tick ran (a busy machine): what was due by the stop
        // (and, for a rate that lasts, by its end) is still issued, so the count never depends on scheduling
        tick.run();
    }

    /** One pass of the scheduler: takes new targets and issues every iteration due by now. */
    private final class Tick {
        private final RateSchedule rate;
        private long issued;
        private long lastNanos;
        private double lastDue;

        Tick(RateSchedule rate, long startNanos) {
            this.rate = rate;
            this.lastNanos = startNanos;
        }

        void run() {
            PendingTarget p;
            while ((p = pending.poll()) != null) {
                rate.retarget(p.target().perSecond(), p.target().ramp().toNanos(), p.atNanos(),
                        p.target().lasts() == null ? -1 : p.target().lasts().toNanos());
            }
            long now = clock.nanoTime();
            double due = rate.dueBy(now) - DUE_EPSILON;
            while (issued < due) {
                // when iteration number 'issued' was due: interpolate inside the last tick
                double fraction = due == lastDue ? 1 : Math.min(1, Math.max(0, (issued - lastDue) / (due - lastDue)));
                issue(lastNanos + (long) (fraction * (now - lastNanos)));
                issued++;
            }
            lastNanos = now;
            lastDue = due;
            growPool();
            dropExpired();
        }
    }

    private void issue(long intendedNanos) {
        scheduled.incrementAndGet();
        backlog.offer(intendedNanos);
        growPool();
        int max = limits.maxUsers();
        if (!lateNoticed && idle.get() == 0 && starting.get() == 0 && users.size() >= max && backlog.size() > 1) {
            lateNoticed = true;
            notices.accept(new EngineNotice.ArrivalPoolExhausted(users.size(), max));
        }
        dropExpired();
    }

    /** Iterations later than the maximum delay are dropped, counted, and never started. */
    private void dropExpired() {
        long limit = clock.nanoTime() - limits.maxDelay().toNanos();
        Long head;
        while ((head = backlog.peek()) != null && head < limit) {
            if (backlog.remove(head)) {
                drop();
            }
        }
    }

    private void drop() {
        if (dropped.getAndIncrement() == 0) {
            notices.accept(new EngineNotice.IterationsDropped(limits.maxDelay().toMillis(), users.size()));
        }
    }

    /** Adds users while iterations wait and nobody is idle or on the way. */
    private void growPool() {
        int waiting = backlog.size() - idle.get() - starting.get();
        for (int i = 0; i < waiting && users.size() < limits.maxUsers(); i++) {
            spawn();
        }
    }

    private void spawn() {
        int c;
        synchronized (counts) {
            c = mix.nextToStart(counts, allClasses);
            counts[c]++;
        }
        ShiftingRecorder recorder = new ShiftingRecorder(corrected, uncorrected);
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
                    if (clock.nanoTime() - intended > limits.maxDelay().toNanos()) {
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
        starting.incrementAndGet();
        users.add(pool.start(mix.specs().get(c), source, () -> { }));
    }
}
