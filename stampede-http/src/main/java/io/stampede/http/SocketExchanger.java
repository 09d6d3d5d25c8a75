package io.stampede.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * A user's side of our own transport: its own keep-alive connection to the target (or connections
 * borrowed from the shared pool), plus private connections for absolute URLs to other hosts.
 *
 * <p>A request that fails on a connection that sat idle for a while ({@link #STALE_AFTER_NANOS}),
 * before any byte of the answer arrived, is sent once more on a fresh connection: the server most
 * likely closed the idle connection as we wrote (the keep-alive race browsers handle the same way),
 * so it never saw the first attempt. A connection used moments ago that closes without answering is
 * the server's doing and is reported, like Locust reports it, so the server's request count and
 * ours stay equal.
 */
final class SocketExchanger implements Exchanger {
    private final HttpClientConfig config;
    private final Endpoint base;
    private final SSLSocketFactory tls;
    private final ConnectionPool pool;
    private final Map<Endpoint, Connection> own = new HashMap<>(2);
    private boolean connecting;

    SocketExchanger(HttpClientConfig config, Endpoint base, SSLSocketFactory tls, ConnectionPool pool) {
        this.config = config;
        this.base = base;
        this.tls = tls;
        this.pool = pool;
    }

    @Override
    public RawResponse exchange(Outgoing req) throws IOException, InterruptedException {
        String t = req.target();
        boolean absolute = t.startsWith("http://") || t.startsWith("https://");
        Endpoint ep = base;
        String target = t;
        if (absolute) {
            URI uri = URI.create(t);
            ep = Endpoint.of(uri);
            target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                target += "?" + uri.getRawQuery();
            }
        } else if (!t.startsWith("/")) {
            target = "/" + t;
        }
        String basePath = config.baseUri().getRawPath();
        if (!absolute && basePath != null && !basePath.isEmpty() && !basePath.equals("/")) {
            target = basePath + target;
        }
        return pool != null && ep.equals(pool.endpoint()) ? viaPool(req, target) : viaOwn(ep, req, target);
    }

    private RawResponse viaOwn(Endpoint ep, Outgoing req, String target) throws IOException {
        Connection c = own.get(ep);
        boolean reused = c != null;
        if (c == null) {
            c = connect(ep);
            own.put(ep, c);
        }
        try {
            return finish(ep, c, c.exchange(req, target, config.userAgent()));
        } catch (IOException e) {
            own.remove(ep).close();
            if (!reused || !stale(c, e)) {
                throw e;
            }
            Connection fresh = connect(ep);
            own.put(ep, fresh);
            try {
                return finish(ep, fresh, fresh.exchange(req, target, config.userAgent()));
            } catch (IOException again) {
                own.remove(ep).close();
                throw again;
            }
        }
    }

    private RawResponse finish(Endpoint ep, Connection c, RawResponse r) {
        if (!c.reusable()) {
            own.remove(ep);
            c.close();
        }
        return r;
    }

    private RawResponse viaPool(Outgoing req, String target) throws IOException, InterruptedException {
        Connection c = pool.acquire();
        boolean reused = c != null;
        try {
            if (c == null) {
                c = connectPooled();
            }
            RawResponse r;
            try {
                r = c.exchange(req, target, config.userAgent());
            } catch (IOException e) {
                c.close();
                if (!reused || !stale(c, e)) {
                    c = null;
                    throw e;
                }
                c = connectPooled();
                r = c.exchange(req, target, config.userAgent());
            }
            Connection done = c;
            c = null;
            pool.release(done, done.reusable());
            return r;
        } catch (IOException | RuntimeException e) {
            if (c != null) {
                c.close();
            }
            pool.release(null, false);
            throw e;
        }
    }

    private Connection connectPooled() throws IOException {
        connecting = true;
        Connection c = pool.open();
        connecting = false;
        return c;
    }

    private Connection connect(Endpoint ep) throws IOException {
        connecting = true;
        Connection c = Connection.open(ep, config, tls);
        connecting = false;
        return c;
    }

    /** Idle time after which a closed-without-answer is taken for a keep-alive race, not a server failure. */
    static final long STALE_AFTER_NANOS = 1_000_000_000L;

    private static boolean stale(Connection c, IOException e) {
        return c.served() > 0 && !c.receivedAny() && !(e instanceof SocketTimeoutException)
                && c.idleNanosBeforeRequest() >= STALE_AFTER_NANOS;
    }

    @Override
    public boolean failedConnecting() {
        boolean was = connecting;
        connecting = false;
        return was;
    }

    @Override
    public void close() {
        own.values().forEach(Connection::close);
        own.clear();
    }
}
