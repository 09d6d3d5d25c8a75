package io.stampede.http;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code maxConnections} N: N keep-alive connections to the target shared by every user, for
 * populations too large for a connection each (a process may open 20,000 files; one source address
 * has about 28,000 ports). A user waits for a free connection; the wait is part of its response time,
 * as it would be for a browser behind a proxy with a connection limit.
 */
final class ConnectionPool implements AutoCloseable {
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Endpoint endpoint;
    private final HttpClientConfig config;
    private final SSLSocketFactory tls;

    ConnectionPool(int size, Endpoint endpoint, HttpClientConfig config, SSLSocketFactory tls) {
        this.permits = new Semaphore(size, true);
        this.endpoint = endpoint;
        this.config = config;
        this.tls = tls;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Waits for a permit; returns an idle connection, or null when the caller must open one. */
    Connection acquire() throws InterruptedException {
        permits.acquire();
        return idle.pollFirst();
    }

    Connection open() throws IOException {
        return Connection.open(endpoint, config, tls);
    }

    /** Gives the permit back, keeping the connection for the next user when it can be reused. */
    void release(Connection c, boolean reusable) {
        if (c != null) {
            if (reusable) {
                idle.offerFirst(c); // most recently used first: its TCP state is warm
            } else {
                c.close();
            }
        }
        permits.release();
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            c.close();
        }
    }
}
