package io.stampede.core.transport;

import io.stampede.HttpSession;
import io.stampede.core.stats.RequestRecorder;

/**
 * Creates each user's HTTP client. The engine knows no transport; the CLI plugs one in. A session
 * that implements {@link AutoCloseable} is closed when its user stops.
 */
public interface SessionFactory extends AutoCloseable {
    HttpSession open(RequestRecorder recorder);

    /** Releases shared resources (connection pools) at the end of the run. */
    @Override
    default void close() {
    }
}
