package io.stampede.http;

import io.stampede.HttpSession;
import io.stampede.core.run.SessionFactory;
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
