package io.stampede.core.run;

import io.stampede.core.stats.StatsSnapshot;

/**
 * The seam through which a run is driven: by a load plan, by the web UI, or by a master that
 * drives many workers. A local run is a cluster of one: the same calls reach an {@link Engine}
 * in-process or, later, a worker over the network.
 */
public interface LoadController {
    /**
     * Ramps the running users towards {@code users}, starting or stopping them at {@code perSecond}
     * (0 or less: all at once). May be called again at any time; the newest target wins.
     */
    void setUsers(int users, double perSecond);

    /**
     * As {@link #setUsers(int, double)}, with only the named user classes (null: all of them); users
     * of the other classes are stopped at the same rate.
     */
    default void setUsers(int users, double perSecond, java.util.Set<String> userClasses) {
        if (userClasses != null) {
            throw new UnsupportedOperationException("this controller cannot choose user classes");
        }
        setUsers(users, perSecond);
    }

    /** Users running now. */
    int runningUsers();

    /** Statistics as of now: everything recorded so far. */
    StatsSnapshot snapshot();

    /**
     * Stops every user: waiting users stop at once, users in a task finish it within the stop timeout,
     * then the rest are interrupted. Returns when every user has ended.
     */
    void stopAll();
}
