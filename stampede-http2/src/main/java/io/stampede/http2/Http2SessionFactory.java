package io.stampede.http2;

import io.stampede.HttpSession;
import io.stampede.core.stats.RequestRecorder;
import io.stampede.core.transport.SessionFactory;
import io.stampede.http.ExchangeSessions;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.Tls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTP/2 for {@code client} ({@code --http2}): over TLS for {@code https://} targets, agreed with the
 * server by ALPN, and in cleartext with prior knowledge (h2c: the connection starts with HTTP/2's
 * preface, no upgrade) for {@code http://} ones. Each user has its own connection, and its requests
 * are streams on it. One Jetty {@link HTTP2Client} (one selector thread) serves every user; chosen
 * over the JDK's client and Netty by measurement, see docs/design/007-http2.md.
 *
 * <p>TLS verifies the server's certificate and name with the JDK's trust store unless
 * {@link HttpClientConfig#insecure()}.
 */
public final class Http2SessionFactory implements SessionFactory {
    /** What the statistics call the protocol of this transport's responses. */
    public static final String PROTOCOL = "HTTP/2";

    private final HttpClientConfig config;
    private final HTTP2Client client;
    private final SslContextFactory.Client tls;
    private final Http2Stats stats = new Http2Stats();

    public Http2SessionFactory(HttpClientConfig config) {
        this.config = config;
        this.tls = new SslContextFactory.Client(config.insecure());
        tls.setSslContext(Tls.context(config.insecure()));
        if (config.insecure()) {
            tls.setEndpointIdentificationAlgorithm(null);
        }
        ClientConnector connector = new ClientConnector();
        connector.setConnectTimeout(config.connectTimeout());
        connector.setSelectors(1);
        // users think for minutes between requests: the connection stays until the server closes it, as over HTTP/1.1
        connector.setIdleTimeout(Duration.ZERO);
        connector.setSslContextFactory(tls);
        this.client = new HTTP2Client(connector);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP/2 client could not start: " + e.getMessage(), e);
        }
    }

    /** How this run's connections speak HTTP/2, for the summary: "h2 (TLS, ALPN)" or "h2c (prior knowledge)". */
    public String mode() {
        return "https".equals(config.baseUri().getScheme()) ? "h2 (TLS, ALPN)" : "h2c (cleartext, prior knowledge)";
    }

    public Http2Stats stats() {
        return stats;
    }

    @Override
    public HttpSession open(RequestRecorder recorder) {
        return ExchangeSessions.open(new UserConnections(this), recorder, config);
    }

    HttpClientConfig config() {
        return config;
    }

    /** A new connection to {@code origin}, once the server's preface (and over TLS, the handshake and ALPN) are done. */
    H2Connection connect(Origin origin) throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(origin.host(), origin.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException(origin.host());
        }
        H2Connection c = new H2Connection(stats);
        // Jetty bounds the TCP connect; this bounds the handshake and the preface too
        long waitMillis = 2 * config.connectTimeout().toMillis();
        try {
            Session s = client.connect(origin.tls() ? tls : null, address, c).get(waitMillis, TimeUnit.MILLISECONDS);
            c.attach(s);
            stats.connected();
            return c;
        } catch (TimeoutException e) {
            throw new HttpConnectTimeoutException("no HTTP/2 connection to " + origin.authority() + " within " + waitMillis + " ms");
        } catch (ExecutionException e) {
            IOException cause = Failures.asIOException(e.getCause());
            if (cause instanceof SocketTimeoutException) {
                throw new HttpConnectTimeoutException(cause.getMessage());
            }
            throw cause;
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // the run is over; a client that fails to stop leaves nothing to report
        }
    }
}
