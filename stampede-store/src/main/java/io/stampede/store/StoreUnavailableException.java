package io.stampede.store;

import java.sql.SQLException;

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

    /**
     * A cause in the database's own words, on one line: the innermost SQLException's message (the
     * driver's explanation, "Connection to 127.0.0.1:1 refused. Check that..."), else the innermost
     * message at all. The wrappers around it (pools, Flyway) add only their own names.
     */
    static String firstLine(Throwable t) {
        String sql = null;
        String any = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                any = c.getMessage();
                if (c instanceof SQLException) {
                    sql = c.getMessage();
                }
            }
        }
        String m = sql != null ? sql : any != null ? any : t.getClass().getSimpleName();
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
