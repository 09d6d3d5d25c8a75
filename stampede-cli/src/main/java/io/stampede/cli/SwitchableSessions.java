package io.stampede.cli;

import io.stampede.HttpSession;
import io.stampede.core.stats.RequestRecorder;
import io.stampede.core.transport.SessionFactory;

/**
 * The transport of a process that may change its target between runs (the web page's host field):
 * users open their sessions on the current one; a switch happens only while no run is on, and
 * closes the transport it replaces.
 */
final class SwitchableSessions implements SessionFactory {
    private volatile SessionFactory current;

    /** Makes {@code next} the transport of the runs to come, closing the one it replaces. */
    synchronized void switchTo(SessionFactory next) {
        SessionFactory old = current;
        current = next;
        if (old != null) {
            old.close();
        }
    }

    @Override
    public HttpSession open(RequestRecorder recorder) {
        SessionFactory c = current;
        if (c == null) {
            throw new IllegalStateException("no target host set");
        }
        return c.open(recorder);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
        }
    }
}
