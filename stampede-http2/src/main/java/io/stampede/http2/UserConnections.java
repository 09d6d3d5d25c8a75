package io.stampede.http2;

import io.stampede.http.Exchanger;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.Outgoing;
import io.stampede.http.RawResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;

/**
 * One user's side of the HTTP/2 transport: one connection per origin (the run's target, and any
 * other host a script names in a full URL), each request a stream on it. Unlike the HTTP/1.1
 * transport it is thread-safe: requests a user sends from several threads at once go out as
 * concurrent streams on the same connection, which is what HTTP/2 is for.
 *
 * <p>A request is sent a second time, on a new connection, only when the server cannot have seen
 * it: the stream could not be opened (the connection was closing) or the server refused it
 * (REFUSED_STREAM, or a GOAWAY that names an earlier last stream); then the request counts once,
 * as over HTTP/1.1 the keep-alive race does.
 */
final class UserConnections implements Exchanger {
    private final Http2SessionFactory transport;
    private final HttpClientConfig config;
    private final Origin base;
    private final Map<Origin, H2Connection> open = new HashMap<>(2);

    UserConnections(Http2SessionFactory transport) {
        this.transport = transport;
        this.config = transport.config();
        this.base = Origin.of(config.baseUri());
    }

    @Override
    public RawResponse exchange(Outgoing req) throws IOException, InterruptedException {
        RequestHead head = RequestHead.of(req, config, base);
        H2Connection c = connection(head.origin());
        try {
            return exchange(c, head, req);
        } catch (NeverSent e) {
            forget(head.origin(), c);
            try {
                return exchange(connection(head.origin()), head, req);
            } catch (NeverSent again) {
                throw Failures.asIOException(again.getCause());
            }
        }
    }

    private RawResponse exchange(H2Connection c, RequestHead head, Outgoing req) throws IOException, InterruptedException {
        try {
            return send(c, head, req);
        } catch (IOException e) {
            if (!c.serverSpokeHttp2() && !(e instanceof SocketTimeoutException)) {
                throw new NotHttp2(head.origin().tls(), e);
            }
            throw e;
        }
    }

    /**
     * One stream: opened without waiting (its body, if any, follows as soon as Jetty has the stream),
     * then one wait for the whole answer, so a request costs the user's thread a single park.
     */
    private RawResponse send(H2Connection c, RequestHead head, Outgoing req) throws IOException, InterruptedException {
        ResponseReader reader = new ResponseReader();
        byte[] body = req.body();
        c.streamOpened();
        try {
            c.session().newStream(new HeadersFrame(head.meta(), null, body == null), new Promise<Stream>() {
                @Override
                public void succeeded(Stream stream) {
                    reader.opened(stream);
                    if (body != null) {
                        stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(body), true), Callback.NOOP);
                    }
                }

                @Override
                public void failed(Throwable failure) {
                    reader.notOpened(failure);
                }
            }, reader);
            try {
                RawResponse r = reader.response.get(req.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
                transport.stats().answered();
                return r;
            } catch (TimeoutException e) {
                reader.cancel();
                throw new SocketTimeoutException("no answer within " + req.readTimeout());
            } catch (InterruptedException e) {
                reader.cancel();
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ResponseReader.NotOpened n) {
                    if (c.closing()) {
                        // the connection was going away before this stream could open: the server never saw it
                        throw new NeverSent(n.getCause());
                    }
                    // on a live connection (too many streams at once for the server, say): reported as it
                    // is, and the connection stays for this user's other streams
                    throw Failures.asIOException(n.getCause());
                }
                if (!reader.answered && (cause instanceof ResponseReader.StreamResetException r && r.refused
                        || c.refusedByGoAway(reader.streamId()))) {
                    throw new NeverSent(cause);
                }
                throw Failures.asIOException(cause);
            }
        } finally {
            c.streamClosed();
        }
    }

    /** The user's connection to {@code origin}, opened (and waited for) when there is none or it closed. */
    private synchronized H2Connection connection(Origin origin) throws IOException, InterruptedException {
        H2Connection c = open.get(origin);
        if (c == null || c.closing()) {
            // a connection the server is closing is left to finish the streams it still serves
            c = transport.connect(origin);
            open.put(origin, c);
        }
        return c;
    }

    /**
     * Stops sending on {@code c} if the server is closing it; other streams still on it finish there.
     * A live connection (a stream refused on it) stays the user's.
     */
    private synchronized void forget(Origin origin, H2Connection c) {
        if (open.get(origin) == c && c.closing()) {
            open.remove(origin);
        }
    }

    @Override
    public String failureName(Throwable failure) {
        return failure instanceof NotHttp2 ? failure.getMessage() : null;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(H2Connection::close);
        open.clear();
    }

    /**
     * The connection opened (and over TLS, the handshake passed) but the server never sent HTTP/2's
     * SETTINGS: it speaks HTTP/1.1 only. Named apart, since "--http2 against an HTTP/1.1 server" is
     * the likely mistake and Jetty's own words for it are a frame-parsing error.
     */
    private static final class NotHttp2 extends IOException {
        private static final long serialVersionUID = 1L;

        NotHttp2(boolean tls, IOException cause) {
            super(tls ? "HTTP/2: the server did not agree to h2 in the TLS handshake (ALPN); it may speak HTTP/1.1 only"
                    : "HTTP/2: the server did not answer HTTP/2's preface (h2c prior knowledge); it may speak HTTP/1.1 only",
                    cause);
        }
    }

    /** The request did not reach the server (see the class comment): it may be sent again. */
    private static final class NeverSent extends IOException {
        private static final long serialVersionUID = 1L;

        NeverSent(Throwable cause) {
            super(cause);
        }
    }
}
