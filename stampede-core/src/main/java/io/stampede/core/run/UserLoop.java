package io.stampede.core.run;

import io.stampede.InterruptTaskSet;
import io.stampede.StopUser;
import io.stampede.User;
import io.stampede.WaitTime;
import io.stampede.core.spec.TaskSetSpec;
import io.stampede.core.spec.TaskSpec;
import io.stampede.core.spec.UserSpec;
import io.stampede.core.spec.WeightedPicker;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.time.Clock;
import io.stampede.core.transport.SessionFactory;
import io.stampede.spi.UserRuntime;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * The life of one simulated user on its own virtual thread: construct, onStart, then pick a task by
 * weight, run it, wait; until told to stop; then onStop. Exceptions from scenario code are counted
 * and the user carries on, as in Locust.
 */
final class UserLoop implements Runnable {
    private final UserSpec spec;
    private final long userId;
    private final RandomGenerator random;
    private final SessionFactory sessions;
    private final StatsRegistry registry;
    private final Iterations iterations;
    private final Clock clock;
    private final Runnable onEnd;
    private volatile boolean stopping;
    private volatile boolean forced;
    private volatile Thread thread;

    /**
     * @param iterations null for a closed-model user that loops on its own (task, wait, task...);
     *                   else the open-model schedule that says when this user starts each iteration
     */
    UserLoop(UserSpec spec, long userId, RandomGenerator random, SessionFactory sessions, StatsRegistry registry,
             Iterations iterations, Clock clock, Runnable onEnd) {
        this.spec = spec;
        this.userId = userId;
        this.random = random;
        this.sessions = sessions;
        this.registry = registry;
        this.iterations = iterations;
        this.clock = clock;
        this.onEnd = onEnd;
    }

    /** Where an open-model user gets its iterations from. */
    interface Iterations {
        /** The recorder this user's requests go to. */
        ShiftingRecorder recorder();

        /**
         * Waits briefly for the next iteration and returns its intended start (nanoTime), or -1 when
         * there was none yet (the caller checks whether it should stop and asks again).
         */
        long next() throws InterruptedException;
    }

    boolean stopping() {
        return stopping;
    }

    UserSpec spec() {
        return spec;
    }

    /** Asks the user to stop after its current task; a waiting user stops at once. */
    void requestStop() {
        stopping = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Interrupts a user that did not finish in time; what it was doing is not recorded. */
    void forceStop() {
        forced = true;
        requestStop();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        LocalUserRuntime runtime = new LocalUserRuntime(userId, random, sessions, registry,
                iterations == null ? registry : iterations.recorder());
        try {
            User user = (User) UserRuntime.construct(runtime, () -> construct(spec.constructor()));
            runtime.user(user);
            live(user, runtime);
        } catch (ConstructionFailed e) {
            report(e.getCause());
        } finally {
            runtime.close();
            onEnd.run();
        }
    }

    private void live(User user, LocalUserRuntime runtime) {
        boolean go = hook(() -> UserHooks.onStart(user));
        WaitTime wait = waitTimeOf(user, WaitTime.constant(0));
        if (go && iterations == null) {
            loop(user, spec.tasks(), null, wait, runtime, false);
        } else if (go) {
            iterate(user, wait, runtime);
        }
        if (!forced) {
            hook(() -> UserHooks.onStop(user));
        }
    }

    /** How a task ended, for the loop that ran it. */
    private enum Outcome { NEXT, INTERRUPTED, END_USER }

    /** Runs tasks until stopped; for a task set, also until it is interrupted. Returns false when the user ends. */
    private boolean loop(Object owner, WeightedPicker<TaskSpec> tasks, List<TaskSpec> sequence, WaitTime wait,
                         LocalUserRuntime runtime, boolean isSet) {
        int step = 0;
        while (!stopping) {
            TaskSpec task = sequence == null ? tasks.pick(random) : sequence.get(step++ % sequence.size());
            long start = clock.nanoTime();
            switch (runTask(owner, task, wait, runtime)) {
                case END_USER -> {
                    return false;
                }
                case INTERRUPTED -> {
                    if (isSet) {
                        return true;
                    }
                }
                case NEXT -> { }
            }
            if (stopping) {
                break;
            }
            pause(wait.nanosAfter(start, clock.nanoTime(), random));
        }
        return true;
    }

    /** Open model: one task per scheduled iteration, no wait of its own; the schedule is the pacing. */
    private void iterate(User user, WaitTime wait, LocalUserRuntime runtime) {
        while (!stopping) {
            long intended;
            try {
                intended = iterations.next();
            } catch (InterruptedException e) {
                return;
            }
            if (intended < 0) {
                continue;
            }
            iterations.recorder().late(clock.nanoTime() - intended);
            // a task of the user itself that interrupts has no set to leave: the next iteration runs
            if (runTask(user, spec.tasks().pick(random), wait, runtime) == Outcome.END_USER) {
                return;
            }
        }
    }

    /** Runs one task (a method, or a whole task set) and says how it ended; scenario exceptions are counted. */
    private Outcome runTask(Object owner, TaskSpec task, WaitTime wait, LocalUserRuntime runtime) {
        try {
            if (task.method() != null) {
                task.method().invokeExact(owner);
            } else if (!runTaskSet(task.taskSet(), wait, runtime)) {
                return Outcome.END_USER;
            }
            return Outcome.NEXT;
        } catch (StopUser e) {
            stopping = true;
            return Outcome.END_USER;
        } catch (InterruptTaskSet e) {
            return Outcome.INTERRUPTED;
        } catch (Throwable t) {
            report(t);
            return Outcome.NEXT;
        }
    }

    private boolean runTaskSet(TaskSetSpec set, WaitTime userWait, LocalUserRuntime runtime) throws Throwable {
        Object instance = UserRuntime.construct(runtime, () -> construct(set.constructor()));
        WaitTime wait = waitTimeOf(instance, userWait);
        boolean go = hook(() -> UserHooks.onStart(instance));
        boolean carryOn = !go || loop(instance, set.tasks(), set.sequence(), wait, runtime, true);
        if (!forced) {
            hook(() -> UserHooks.onStop(instance));
        }
        return go ? carryOn : !stopping;
    }

    private WaitTime waitTimeOf(Object owner, WaitTime fallback) {
        try {
            WaitTime w = UserHooks.waitTime(owner);
            return w == null ? fallback : w;
        } catch (Throwable t) {
            report(t);
            return fallback;
        }
    }

    /** Runs a life-cycle hook; false when it asked to stop the user. */
    private boolean hook(ThrowingRunnable r) {
        try {
            r.run();
            return true;
        } catch (StopUser e) {
            stopping = true;
            return false;
        } catch (InterruptTaskSet e) {
            return false;
        } catch (Throwable t) {
            report(t);
            return true;
        }
    }

    private void report(Throwable t) {
        if (!forced) {
            registry.recordException(t instanceof ConstructionFailed ? t.getCause() : t);
        }
    }

    /** Waits, but wakes at once when asked to stop. */
    private void pause(long nanos) {
        long deadline = clock.nanoTime() + nanos;
        long left = nanos;
        while (left > 0 && !stopping) {
            LockSupport.parkNanos(this, left);
            left = deadline - clock.nanoTime();
        }
    }

    private static Object construct(java.lang.invoke.MethodHandle ctor) {
        try {
            return ctor.invokeExact();
        } catch (Throwable t) {
            throw new ConstructionFailed(t);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Throwable;
    }

    private static final class ConstructionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConstructionFailed(Throwable cause) {
            super(cause);
        }
    }
}
