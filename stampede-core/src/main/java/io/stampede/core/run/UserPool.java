package io.stampede.core.run;

import io.stampede.core.spec.UserSpec;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import io.stampede.core.transport.SessionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The users of a run, one virtual thread each, whichever model starts them: the closed model's
 * spawner and the open model's scheduler both start and retire users here, so stopping, the stop
 * timeout and the count of live users are one piece of code.
 */
final class UserPool {
    private final SessionFactory sessions;
    private final StatsRegistry registry;
    private final EngineSettings settings;
    private final Clock clock;
    private final SplittableRandom seeds;
    private final Set<UserLoop> live = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    private long nextUserId = 1;

    UserPool(SessionFactory sessions, StatsRegistry registry, EngineSettings settings, Clock clock) {
        this.sessions = sessions;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.seeds = new SplittableRandom(settings.seed());
    }

    /**
     * Starts a user of {@code spec}; {@code iterations} null for a closed-model user, else where it
     * takes its scheduled iterations. {@code onEnd} runs on the user's thread when it has ended.
     */
    UserLoop start(UserSpec spec, UserLoop.Iterations iterations, Runnable onEnd) {
        long id;
        SplittableRandom random;
        synchronized (this) {
            id = nextUserId++;
            random = seeds.split();
        }
        UserLoop[] self = new UserLoop[1];
        UserLoop loop = new UserLoop(spec, id, random, sessions, registry, iterations, clock, () -> {
            live.remove(self[0]);
            onEnd.run();
            signalEnded();
        });
        self[0] = loop;
        live.add(loop);
        Thread.ofVirtual().name("user-" + id).start(loop);
        return loop;
    }

    /** Asks one user to stop after its task; one that does not finish within the stop timeout is interrupted. */
    void retire(UserLoop loop) {
        loop.requestStop();
        long timeout = settings.stopTimeout().toNanos();
        Thread.ofVirtual().start(() -> {
            LockSupport.parkNanos(timeout);
            loop.forceStop();
        });
    }

    /** Users whose thread is alive (started, not yet ended). */
    int alive() {
        return live.size();
    }

    /** Stops every user, gives them the stop timeout, interrupts the rest; returns when all have ended. */
    void stopAll() {
        List<UserLoop> all = new ArrayList<>(live);
        all.forEach(UserLoop::requestStop);
        if (!awaitEnded(settings.stopTimeout().toNanos())) {
            new ArrayList<>(live).forEach(UserLoop::forceStop);
            awaitEnded(TimeUnit.SECONDS.toNanos(10));
        }
    }

    void close() {
        sessions.close();
    }

    private boolean awaitEnded(long nanos) {
        lock.lock();
        try {
            // real time: this waits for threads, not for the run's clock
            long deadline = System.nanoTime() + nanos;
            long left;
            while (!live.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                ended.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return live.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return live.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void signalEnded() {
        lock.lock();
        try {
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
