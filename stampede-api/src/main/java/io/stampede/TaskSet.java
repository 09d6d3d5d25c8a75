package io.stampede;

import io.stampede.spi.UserRuntime;
import java.util.random.RandomGenerator;

/**
 * A group of tasks that a user runs for a while before returning to its own tasks (Locust's
 * {@code TaskSet}). Declare it as a static nested class of the user, annotated with {@link Task}
 * (its weight among the user's tasks); its own methods carry {@link Task} too. A task calls
 * {@link #interrupt()} to return to the user. The user's wait time applies between tasks unless
 * {@link #waitTime()} is overridden.
 *
 * @param <U> the user class that owns this task set
 */
public abstract class TaskSet<U extends User> {
    private final UserRuntime runtime;

    protected TaskSet() {
        this.runtime = UserRuntime.current();
    }

    /** The user running this task set. */
    @SuppressWarnings("unchecked")
    protected final U user() {
        return (U) runtime.user();
    }

    /** The user's HTTP client, when the user is an {@link HttpUser}. */
    protected final HttpSession client() {
        return runtime.http();
    }

    protected final RandomGenerator random() {
        return runtime.random();
    }

    /** Runs each time the user enters this task set. */
    protected void onStart() throws Exception {
    }

    /** Runs each time the user leaves this task set. */
    protected void onStop() throws Exception {
    }

    /** The pause between this set's tasks; null (the default) means the user's. */
    protected WaitTime waitTime() {
        return null;
    }

    /** Leaves this task set: the user goes back to picking its own tasks. */
    protected final void interrupt() {
        throw new InterruptTaskSet();
    }

    protected final boolean check(String name, boolean passed) {
        runtime.check(name, passed);
        return passed;
    }
}
