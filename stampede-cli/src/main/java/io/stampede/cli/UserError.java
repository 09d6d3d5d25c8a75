package io.stampede.cli;

/** A mistake of the person running Stampede: reported as one line, with an exit code, never a stack trace. */
final class UserError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    UserError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
