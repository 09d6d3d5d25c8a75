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
    private final Runnable onEnd;
    private volatile boolean stopping;
    private volatile boolean forced;
    private volatile Thread thread;

    /**
     * @param iterations null for a closed-model user that loops on its own (task, wait, task...);
     *                   else the open-model schedule that says when this user starts each iteration
     */
    UserLoop(UserSpec spec, long userId, RandomGenerator random, SessionFactory sessions, StatsRegistry registry,
             Iterations iterations, Runnable onEnd) {
        this.spec = spec;
        this.userId = userId;
        this.random = random;
        this.sessions = sessions;
        this.registry = registry;
        this.iterations = iterations;
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

    /** Runs tasks until stopped; for a task set, also until it is interrupted. Returns false on StopUser. */
    private boolean loop(Object owner, WeightedPicker<TaskSpec> tasks, List<TaskSpec> sequence, WaitTime wait,
                         LocalUserRuntime runtime, boolean isSet) {
        int step = 0;
        while (!stopping) {
            TaskSpec task = sequence == null ? tasks.pick(random) : sequence.get(step++ % sequence.size());
            long start = System.nanoTime();
            try {
                if (task.method() != null) {
                    task.method().invokeExact(owner);
                } else if (!runTaskSet(task.taskSet(), wait, runtime)) {
                    return false;
                }
            } catch (StopUser e) {
                stopping = true;
                return false;
            } catch (InterruptTaskSet e) {
                if (isSet) {
                    return true;
                }
            } catch (Throwable t) {
                report(t);
            }
            if (stopping) {
                break;
            }
            pause(wait.nanosAfter(start, System.nanoTime(), random));
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
            iterations.recorder().late(System.nanoTime() - intended);
            TaskSpec task = spec.tasks().pick(random);
            try {
                if (task.method() != null) {
                    task.method().invokeExact((Object) user);
                } else if (!runTaskSet(task.taskSet(), wait, runtime)) {
                    return;
                }
            } catch (StopUser e) {
                stopping = true;
            } catch (InterruptTaskSet e) {
                // a task of the user itself interrupted: nothing to leave
            } catch (Throwable t) {
                report(t);
            }
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
        long deadline = System.nanoTime() + nanos;
        long left = nanos;
        while (left > 0 && !stopping) {
            LockSupport.parkNanos(this, left);
            left = deadline - System.nanoTime();
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
