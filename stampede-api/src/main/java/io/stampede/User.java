package io.stampede;

import io.stampede.spi.UserRuntime;
import java.util.random.RandomGenerator;

/**
 * A simulated user: plain Java code that the engine runs on its own virtual thread.
 *
 * <p>Subclass it (usually through {@link HttpUser}), annotate methods with {@link Task}, and
 * optionally override {@link #onStart()}, {@link #onStop()} and {@link #waitTime()}. The engine
 * creates one instance per simulated user, calls {@code onStart} once, then loops: pick a task by
 * weight, run it, wait {@link #waitTime()}. Instances are never shared between threads, so fields
 * (a login token, a cart) need no synchronisation.
 *
 * <p>Users are created by the engine only: constructing one elsewhere throws
 * {@link IllegalStateException}.
 */
public abstract class User {
    private final UserRuntime runtime;

    protected User() {
        this.runtime = UserRuntime.current();
    }

    /** Runs once when the user starts, before its first task (Locust's {@code on_start}). */
    protected void onStart() throws Exception {
    }

    /** Runs once when the user is stopped: at the end of the run or when the load ramps down. */
    protected void onStop() throws Exception {
    }

    /** The pause after each task. The default is no pause (as in Locust). Called once per user. */
    protected WaitTime waitTime() {
        return WaitTime.constant(0);
    }

    /** This user's random generator: seeded per user, so a run with {@code --seed} repeats itself. */
    protected final RandomGenerator random() {
        return runtime.random();
    }

    /** This user's number, from 1 upwards in the order users were started. */
    protected final long userId() {
        return runtime.userId();
    }

    /**
     * Counts a named check (k6's {@code check}): its pass rate is reported per name. A failed check
     * does not stop the user and does not fail the request.
     *
     * @return {@code passed}, so a script can branch on it
     */
    protected final boolean check(String name, boolean passed) {
        runtime.check(name, passed);
        return passed;
    }

    /** Stops this user for the rest of the run: {@code onStop} still runs. */
    protected final void stopUser() {
        throw new StopUser();
    }

    /** The engine's view of this user; for the HTTP layer and the engine. */
    protected final UserRuntime runtime() {
        return runtime;
    }
}
