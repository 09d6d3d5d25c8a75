package io.stampede.core.run;

import io.stampede.core.spec.UserSpec;
import io.stampede.core.stats.StatsCollector;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs simulated users in this process, one virtual thread each, and keeps their number at the
 * target set through {@link LoadController#setUsers}: a spawner thread starts or stops users at the
 * requested rate, choosing classes by weight ({@link UserMix}).
 */
public final class Engine implements LoadController, AutoCloseable {
    private static final long MAX_SPAWNER_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final UserMix mix;
    private final SessionFactory sessions;
    private final StatsRegistry registry;
    private final StatsCollector collector;
    private final EngineSettings settings;
    private final Clock clock;
    private final SplittableRandom seeds;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition ended = lock.newCondition();
    private final List<ArrayDeque<UserLoop>> running = new ArrayList<>();
    private final int[] counts;
    private final AtomicInteger alive = new AtomicInteger();
    private final Thread spawner;
    private long nextUserId = 1;
    private int target;
    /** Which classes may run now (a load shape may name some); the others are ramped down. */
    private boolean[] active;
    private double rate;
    private long rampStartNanos;
    private long rampDone;
    private boolean closed;

    public Engine(List<UserSpec> specs, SessionFactory sessions, StatsRegistry registry, StatsCollector collector,
                  EngineSettings settings, Clock clock) {
        this.mix = new UserMix(specs);
        this.sessions = sessions;
        this.registry = registry;
        this.collector = collector;
        this.settings = settings;
        this.clock = clock;
        this.seeds = new SplittableRandom(settings.seed());
        this.counts = new int[specs.size()];
        this.active = mix.select(null);
        for (int i = 0; i < specs.size(); i++) {
            running.add(new ArrayDeque<>());
        }
        this.spawner = Thread.ofPlatform().daemon().name("stampede-spawner").start(this::spawnLoop);
    }

    @Override
    public void setUsers(int users, double perSecond) {
        setUsers(users, perSecond, null);
    }

    @Override
    public void setUsers(int users, double perSecond, Set<String> userClasses) {
        if (users < 0) {
            throw new IllegalArgumentException("users must be >= 0, was " + users);
        }
        boolean[] wanted = mix.select(userClasses);
        boolean any = false;
        for (boolean w : wanted) {
            any |= w;
        }
        if (users > 0 && !any) {
            throw new IllegalArgumentException("no user class to run");
        }
        lock.lock();
        try {
            active = wanted;
            target = users;
            rate = perSecond;
            rampStartNanos = clock.nanoTime();
            rampDone = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Users whose thread is alive (started, not yet ended). */
    @Override
    public int runningUsers() {
        return alive.get();
    }

    /** Users the engine currently counts towards the target (per class, in {@link #userClasses()} order). */
    public int[] usersPerClass() {
        lock.lock();
        try {
            return counts.clone();
        } finally {
            lock.unlock();
        }
    }

    public List<String> userClasses() {
        return mix.specs().stream().map(UserSpec::name).toList();
    }

    @Override
    public StatsSnapshot snapshot() {
        return collector.tick(runningUsers());
    }

    @Override
    public void stopAll() {
        List<UserLoop> all = new ArrayList<>();
        lock.lock();
        try {
            target = 0;
            for (int i = 0; i < running.size(); i++) {
                all.addAll(running.get(i));
                running.get(i).clear();
                counts[i] = 0;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        all.forEach(UserLoop::requestStop);
        if (!awaitEnded(settings.stopTimeout().toNanos())) {
            all.forEach(UserLoop::forceStop);
            awaitEnded(TimeUnit.SECONDS.toNanos(10));
        }
    }

    private boolean awaitEnded(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (alive.get() > 0 && left > 0) {
                left = ended.awaitNanos(left);
            }
            return alive.get() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return alive.get() == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        stopAll();
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        sessions.close();
    }

    private void spawnLoop() {
        lock.lock();
        try {
            while (!closed) {
                int activeTotal = 0;
                int inactive = 0;
                for (int i = 0; i < counts.length; i++) {
                    if (active[i]) {
                        activeTotal += counts[i];
                    } else {
                        inactive += counts[i];
                    }
                }
                int toStop = inactive + Math.max(0, activeTotal - target);
                int toStart = Math.max(0, target - activeTotal);
                int work = toStop + toStart;
                if (work == 0) {
                    changed.await();
                    continue;
                }
                long due = rate <= 0 ? work
                        : (long) ((clock.nanoTime() - rampStartNanos) / 1e9 * rate) + 1 - rampDone;
                long n = Math.min(work, Math.max(0, due));
                for (long k = 0; k < n; k++) {
                    if (k < toStop) {
                        stopOne();
                    } else {
                        startOne();
                    }
                }
                rampDone += n;
                if (n == 0 || work > n) {
                    long wait = rate <= 0 ? 0 : (long) (1e9 / rate);
                    changed.awaitNanos(Math.max(100_000, Math.min(wait, MAX_SPAWNER_SLEEP_NANOS)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void startOne() {
        int c = mix.nextToStart(counts, active);
        UserSpec spec = mix.specs().get(c);
        long id = nextUserId++;
        UserLoop loop = new UserLoop(spec, id, seeds.split(), sessions, registry, null, this::userEnded);
        running.get(c).addLast(loop);
        counts[c]++;
        alive.incrementAndGet();
        Thread.ofVirtual().name("user-" + id).start(loop);
    }

    private void stopOne() {
        int c = mix.nextToStop(counts, active);
        UserLoop loop = running.get(c).pollLast();
        counts[c]--;
        loop.requestStop();
        long timeout = settings.stopTimeout().toNanos();
        Thread.ofVirtual().start(() -> {
            // a user ramped down that does not finish its task in time is interrupted, like at the end of a run
            java.util.concurrent.locks.LockSupport.parkNanos(timeout);
            loop.forceStop();
        });
    }

    private void userEnded() {
        alive.decrementAndGet();
        lock.lock();
        try {
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }

}
