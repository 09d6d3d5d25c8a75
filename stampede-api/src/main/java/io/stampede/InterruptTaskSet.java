package io.stampede;

/** Thrown by {@link TaskSet#interrupt()} to return to the enclosing user's tasks. */
public final class InterruptTaskSet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InterruptTaskSet() {
        super("task set interrupted", null, false, false);
    }
}
