package io.stampede.http;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * For benchmarks and tests of the socket transport alone: one of its connections and one request
 * sent on it again and again, with nothing around them (no statistics, no retry of a stale
 * connection, no pool). {@code stampede-bench} measures the transport through it; a load test goes
 * through {@link SocketSessionFactory}. Not thread-safe: one per thread.
 *
 * <pre>{@code
 * try (RawExchange get = RawExchange.connect(HttpClientConfig.of("http://127.0.0.1:8080"), "GET", "/", List.of(), null, null)) {
 *     int status = get.send();
 * }
 * }</pre>
 */
public final class RawExchange implements AutoCloseable {
    private final Connection connection;
    private final Outgoing request;
    private final String userAgent;
    private RawResponse last;

    private RawExchange(Connection connection, Outgoing request, String userAgent) {
        this.connection = connection;
        this.request = request;
        this.userAgent = userAgent;
    }

    /**
     * Opens a connection to {@code config}'s base URI (TLS for https:, within its connect timeout).
     *
     * @param path the request target exactly as sent, e.g. {@code "/api/items?page=2"}
     * @param headers name, value, name, value... (never null)
     * @param body the request body, or null for none
     * @param contentType the body's Content-Type unless {@code headers} give one; null for none
     */
    public static RawExchange connect(HttpClientConfig config, String method, String path, List<String> headers,
                                      byte[] body, String contentType) throws IOException {
        Endpoint endpoint = Endpoint.of(config.baseUri());
        SSLSocketFactory tls = endpoint.tls() ? Tls.context(config.insecure()).getSocketFactory() : null;
        return new RawExchange(Connection.open(endpoint, config, tls), request(config, method, path, headers, body, contentType),
                config.userAgent());
    }

    /**
     * The same over a socket someone else connected, such as an in-memory one that replays a canned
     * answer, so that a benchmark measures the transport's own work without the network.
     */
    public static RawExchange over(Socket socket, HttpClientConfig config, String method, String path, List<String> headers,
                                   byte[] body, String contentType) throws IOException {
        return new RawExchange(Connection.over(socket, Endpoint.of(config.baseUri())),
                request(config, method, path, headers, body, contentType), config.userAgent());
    }

    private static Outgoing request(HttpClientConfig config, String method, String path, List<String> headers,
                                    byte[] body, String contentType) {
        return new Outgoing(method, path, List.copyOf(headers), body, contentType, config.readTimeout());
    }

    /** Sends the request and reads the whole answer, which stays readable until the next send; returns its status. */
    public int send() throws IOException {
        last = connection.exchange(request, request.target(), userAgent);
        return last.status();
    }

    /** The last answer's body (empty for HEAD, 204 and 304). */
    public byte[] body() {
        return last.body();
    }

    /** A header of the last answer, by name in any case; null when it has none. */
    public String header(String name) {
        return last.headers().get(name);
    }

    /** Whether the connection may carry another request: false once the server said it closes. */
    public boolean reusable() {
        return connection.reusable();
    }

    @Override
    public void close() {
        connection.close();
    }
}
