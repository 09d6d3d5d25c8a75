package io.stampede;

/** Thrown (by {@link User#stopUser()}) to stop the current user for the rest of the run. */
public final class StopUser extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StopUser() {
        super("user stopped", null, false, false);
    }
}
