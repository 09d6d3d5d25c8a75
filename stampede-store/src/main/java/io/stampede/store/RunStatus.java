package io.stampede.store;

import java.util.Locale;

/** Where a stored run stands. The column holds the lower-case name. */
public enum RunStatus {
    /** Being written by a live process. */
    RUNNING,
    /** Finished: its final statistics are stored. */
    COMPLETE,
    /**
     * Its process died before finishing (SIGKILL, a crash, power) or the store failed during the run:
     * the intervals written up to then are kept, final statistics are their sum.
     */
    INCOMPLETE;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
