package io.stampede.http;

import io.stampede.HttpSession;
import io.stampede.core.transport.SessionFactory;
import io.stampede.core.stats.RequestRecorder;
import javax.net.ssl.SSLSocketFactory;

/**
 * Stampede's own HTTP/1.1 transport: blocking sockets on virtual threads, keep-alive per user (or a
 * shared pool with {@code maxConnections}). Chosen over the JDK's HttpClient by measurement; see
 * docs/design/002-http-transport.md.
 */
public final class SocketSessionFactory implements SessionFactory {
    private final HttpClientConfig config;
    private final Endpoint base;
    private final SSLSocketFactory tls;
    private final ConnectionPool pool;

    public SocketSessionFactory(HttpClientConfig config) {
        this.config = config;
        this.base = Endpoint.of(config.baseUri());
        this.tls = Tls.context(config.insecure()).getSocketFactory();
        this.pool = config.maxConnections() > 0 ? new ConnectionPool(config.maxConnections(), base, config, tls) : null;
        startJdkPoller();
    }

    /**
     * Starts the JDK's I/O poller (which parks virtual threads on sockets) now, while files are free:
     * started lazily by the first blocking read, it fails for good if the users have used up the
     * process's files by then, and every later read fails with it.
     */
    private static void startJdkPoller() {
        try {
            Class.forName("sun.nio.ch.Poller", true, null);
        } catch (ClassNotFoundException | LinkageError e) {
            // another JDK: it starts its poller its own way
        }
    }

    @Override
    public HttpSession open(RequestRecorder recorder) {
        return new ExchangeSession(new SocketExchanger(config, base, tls, pool), recorder, config);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

}
