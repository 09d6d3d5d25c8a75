package io.stampede.store;

/**
 * The results store cannot be opened, read or written: a path that is a file, a URL no driver
 * accepts, a database that refuses the connection, a store that fails during a run. The message is
 * one line that names the store (never its password) and the cause, ready for the CLI to print as is.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    public StoreUnavailableException(String message) {
        this(message, null);
    }

    /** The first line of a cause's message: drivers like to append stack-like detail after it. */
    static String firstLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return oneLine(m);
    }

    private static String oneLine(String s) {
        String line = s.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl).strip();
        }
        return line.replace('\r', ' ');
    }
}
