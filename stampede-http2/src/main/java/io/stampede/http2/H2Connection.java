package io.stampede.http2;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.frames.GoAwayFrame;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP/2 connection (a Jetty {@link Session}) and what its user needs to know about it: how many
 * streams are open on it now, and whether the server is closing it (a GOAWAY, or the connection's end).
 */
final class H2Connection implements Session.Listener {
    private final Http2Stats stats;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Session session;
    /** The last stream the server's GOAWAY says it will process; MAX_VALUE until one arrives. */
    private volatile int lastStreamId = Integer.MAX_VALUE;
    private volatile boolean closed;
    /** Whether the server's SETTINGS frame arrived: it speaks HTTP/2 on this connection. */
    private volatile boolean spoke;

    H2Connection(Http2Stats stats) {
        this.stats = stats;
    }

    void attach(Session s) {
        this.session = s;
    }

    Session session() {
        return session;
    }

    void streamOpened() {
        stats.streamsInFlight(inFlight.incrementAndGet());
    }

    void streamClosed() {
        inFlight.decrementAndGet();
    }

    /** Whether a new request must go on a new connection. */
    boolean closing() {
        return closed || lastStreamId != Integer.MAX_VALUE || session == null || session.isClosed();
    }

    /** Whether the server's GOAWAY said it would not process this stream (so the request may be sent again). */
    boolean refusedByGoAway(int streamId) {
        return streamId > lastStreamId;
    }

    boolean serverSpokeHttp2() {
        return spoke;
    }

    @Override
    public void onSettings(Session s, org.eclipse.jetty.http2.frames.SettingsFrame frame) {
        spoke = true;
    }

    @Override
    public void onGoAway(Session s, GoAwayFrame frame) {
        lastStreamId = frame.getLastStreamId();
    }

    @Override
    public void onClose(Session s, GoAwayFrame frame, Callback callback) {
        closed = true;
        if (frame != null) {
            lastStreamId = Math.min(lastStreamId, frame.getLastStreamId());
        }
        callback.succeeded();
    }

    @Override
    public void onFailure(Session s, Throwable failure, Callback callback) {
        closed = true;
        callback.succeeded();
    }

    void close() {
        closed = true;
        Session s = session;
        if (s != null && !s.isClosed()) {
            s.close(ErrorCode.NO_ERROR.code, null, Callback.NOOP);
        }
    }
}
