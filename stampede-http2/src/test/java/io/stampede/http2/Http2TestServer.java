package io.stampede.http2;

import io.stampede.testkit.SelfSigned;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTP/2 server on loopback (Jetty's) that counts what it saw: requests, the protocol each
 * came over, the TCP connections they came on (by the client's address), and the most requests in
 * progress at once on one connection. Three listeners: h2 over TLS with ALPN (a self-signed
 * certificate), h2c with prior knowledge, and HTTP/1.1-only over TLS (no h2 offered).
 *
 * <p>{@code /slow} answers after 300 ms, {@code /status/N} with status N, anything else "ok: METHOD
 * PATH BODY".
 */
final class Http2TestServer implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    final Map<String, AtomicInteger> protocols = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> byConnection = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final AtomicInteger peakInFlightOnOneConnection = new AtomicInteger();
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    private final Server server = new Server();
    private final ServerConnector tls;
    private final ServerConnector h2c;
    private final ServerConnector http11Tls;

    Http2TestServer(Path dir) throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        javax.net.ssl.SSLContext selfSigned = SelfSigned.serverContext(dir);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(selfSigned);
        // ALPN picks h2; HTTP/2 forbids the TLS 1.2 ciphers Jetty would otherwise also offer
        ssl.setCipherComparator(org.eclipse.jetty.http2.HTTP2Cipher.COMPARATOR);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2");
        alpn.setDefaultProtocol("h2");
        tls = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2);
        h2c = new ServerConnector(server, new HTTP2CServerConnectionFactory(http));
        SslContextFactory.Server ssl11 = new SslContextFactory.Server();
        ssl11.setSslContext(selfSigned);
        http11Tls = new ServerConnector(server, new SslConnectionFactory(ssl11, "http/1.1"), new HttpConnectionFactory(http));
        for (ServerConnector c : new ServerConnector[] {tls, h2c, http11Tls}) {
            c.setHost("127.0.0.1");
            c.setPort(0);
            server.addConnector(c);
        }
        server.setHandler(new Counting());
        server.start();
    }

    String tlsUrl() {
        return "https://127.0.0.1:" + tls.getLocalPort();
    }

    String h2cUrl() {
        return "http://127.0.0.1:" + h2c.getLocalPort();
    }

    String http11TlsUrl() {
        return "https://127.0.0.1:" + http11Tls.getLocalPort();
    }

    int connections() {
        return byConnection.size();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class Counting extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            requests.incrementAndGet();
            protocols.computeIfAbsent(request.getConnectionMetaData().getProtocol(), k -> new AtomicInteger()).incrementAndGet();
            String connection = String.valueOf(request.getConnectionMetaData().getRemoteSocketAddress());
            byConnection.computeIfAbsent(connection, k -> new AtomicInteger()).incrementAndGet();
            AtomicInteger now = inFlight.computeIfAbsent(connection, k -> new AtomicInteger());
            int n = now.incrementAndGet();
            peakInFlightOnOneConnection.accumulateAndGet(n, Math::max);
            try {
                request.getHeaders().forEach(f -> lastHeaders.put(f.getLowerCaseName(), f.getValue()));
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                String path = Request.getPathInContext(request);
                int status = 200;
                if (path.equals("/slow")) {
                    Thread.sleep(300);
                } else if (path.startsWith("/status/")) {
                    status = Integer.parseInt(path.substring("/status/".length()));
                }
                response.setStatus(status);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                response.getHeaders().put("x-seen-by", "jetty");
                String answer = "ok: " + request.getMethod() + " " + request.getHttpURI().getPathQuery() + " " + body;
                Content.Sink.write(response, true, answer, callback);
            } finally {
                now.decrementAndGet();
            }
            return true;
        }
    }
}
