package io.stampede.core.run;

import io.stampede.core.spec.UserSpec;
import io.stampede.core.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The closed model: keeps the number of users at the latest {@link LoadTarget.Users} target, starting
 * or stopping them at its spawn rate from one spawner thread, choosing classes by weight
 * ({@link UserMix}). Users that go finish their task and run onStop.
 */
final class ClosedSpawner {
    private static final long MAX_SPAWNER_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final UserMix mix;
    private final UserPool pool;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ArrayDeque<UserLoop>> running = new ArrayList<>();
    private final int[] counts;
    private Thread thread;
    private int target;
    /** Which classes may run now (a load shape may name some); the others are ramped down. */
    private boolean[] active;
    private double rate;
    private long rampStartNanos;
    private long rampDone;
    private boolean closed;

    ClosedSpawner(UserMix mix, UserPool pool, Clock clock) {
        this.mix = mix;
        this.pool = pool;
        this.clock = clock;
        this.counts = new int[mix.specs().size()];
        this.active = mix.select(null);
        for (int i = 0; i < counts.length; i++) {
            running.add(new ArrayDeque<>());
        }
    }

    /** The classes a target runs, as flags; throws when it names an unknown class or leaves none to run. */
    boolean[] classesOf(LoadTarget.Users t) {
        boolean[] wanted = mix.select(t.userClasses());
        boolean any = false;
        for (boolean w : wanted) {
            any |= w;
        }
        if (t.users() > 0 && !any) {
            throw new IllegalArgumentException("no user class to run");
        }
        return wanted;
    }

    void apply(LoadTarget.Users t, long atNanos) {
        boolean[] wanted = classesOf(t);
        lock.lock();
        try {
            if (thread == null && !closed) {
                thread = Thread.ofPlatform().daemon().name("stampede-spawner").start(this::spawnLoop);
            }
            active = wanted;
            target = t.users();
            rate = t.spawnRate();
            rampStartNanos = atNanos;
            rampDone = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True when the users of the active classes number the target and no inactive class has any left. */
    boolean settled() {
        lock.lock();
        try {
            return work().total() == 0;
        } finally {
            lock.unlock();
        }
    }

    int[] usersPerClass() {
        lock.lock();
        try {
            return counts.clone();
        } finally {
            lock.unlock();
        }
    }

    /** Sets the target to none and hands back every user it counted, for the pool to stop. */
    void clear() {
        lock.lock();
        try {
            target = 0;
            for (int i = 0; i < running.size(); i++) {
                running.get(i).clear();
                counts[i] = 0;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Users still to stop (the inactive classes' and any above the target) and to start. */
    private record Work(int toStop, int toStart) {
        int total() {
            return toStop + toStart;
        }
    }

    /** Called under the lock. */
    private Work work() {
        int activeTotal = 0;
        int inactive = 0;
        for (int i = 0; i < counts.length; i++) {
            if (active[i]) {
                activeTotal += counts[i];
            } else {
                inactive += counts[i];
            }
        }
        return new Work(inactive + Math.max(0, activeTotal - target), Math.max(0, target - activeTotal));
    }

    private void spawnLoop() {
        lock.lock();
        try {
            while (!closed) {
                Work w = work();
                int toStop = w.toStop();
                int work = w.total();
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
        running.get(c).addLast(pool.start(spec, null, () -> { }));
        counts[c]++;
    }

    private void stopOne() {
        int c = mix.nextToStop(counts, active);
        UserLoop loop = running.get(c).pollLast();
        counts[c]--;
        pool.retire(loop);
    }
}
