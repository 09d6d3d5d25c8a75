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
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;

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

    private RawResponse send(H2Connection c, RequestHead head, Outgoing req) throws IOException, InterruptedException {
        ResponseReader reader = new ResponseReader();
        boolean endsWithHeaders = req.body() == null;
        Stream stream;
        c.streamOpened();
        try {
            try {
                stream = c.session().newStream(new HeadersFrame(head.meta(), null, endsWithHeaders), reader)
                        .get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the stream was never opened: the server never saw this request
                throw new NeverSent(e.getCause() != null ? e.getCause() : e);
            }
            if (!endsWithHeaders) {
                stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(req.body()), true), Callback.NOOP);
            }
            try {
                RawResponse r = reader.response.get(req.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
                transport.stats().answered();
                return r;
            } catch (TimeoutException e) {
                stream.reset(new ResetFrame(stream.getId(), ErrorCode.CANCEL_STREAM_ERROR.code), Callback.NOOP);
                throw new SocketTimeoutException("no answer within " + req.readTimeout());
            } catch (InterruptedException e) {
                stream.reset(new ResetFrame(stream.getId(), ErrorCode.CANCEL_STREAM_ERROR.code), Callback.NOOP);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (!reader.answered && (cause instanceof ResponseReader.StreamResetException r && r.refused
                        || c.refusedByGoAway(stream.getId()))) {
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
            if (c != null) {
                c.close();
            }
            c = transport.connect(origin);
            open.put(origin, c);
        }
        return c;
    }

    private synchronized void forget(Origin origin, H2Connection c) {
        if (open.get(origin) == c) {
            open.remove(origin);
        }
        c.close();
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
