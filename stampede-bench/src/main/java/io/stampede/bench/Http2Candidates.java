package io.stampede.bench;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTP/2 transport decision of docs/design/007, measured without the rest of the tool: N virtual
 * threads ("users"), each with its own HTTP/2 connection, each sending S requests at a time on it (S
 * streams; S = 1 is a user's sequential requests) for a fixed time, no statistics, through one candidate:
 * <ul>
 *   <li>{@code jetty}: Jetty 12.1's low-level {@code HTTP2Client}, one client (one selector) for all, a
 *       {@code Session} per user, a stream per request, the virtual thread waiting on a future;</li>
 *   <li>{@code netty}: Netty 4.2's codec-http2, one event loop for all, a channel per user, a child
 *       stream channel per request ({@link NettyH2Candidate});</li>
 *   <li>{@code jdk}: the JDK's java.net.http client, HTTP_2, an {@code HttpClient} per user (the JDK
 *       keeps one HTTP/2 connection per client and host, so a client per user is a connection per user);</li>
 *   <li>{@code jdk-shared}: one JDK client for all users: all users multiplexed on one connection.</li>
 * </ul>
 * The URL's scheme chooses TLS with ALPN ({@code https}) or cleartext prior knowledge ({@code http};
 * the JDK's client cannot do prior knowledge: it asks for an upgrade, which nginx does not offer).
 * Certificates are not checked (the bench's nginx has a self-signed one). Prints
 * {@code RESULT candidate requests seconds req/s errors protocol} after a 3 s warm-up that is not counted.
 *
 * <pre>java -cp stampede-bench/target/benchmarks.jar io.stampede.bench.Http2Candidates URL USERS STREAMS SECONDS CANDIDATE</pre>
 */
public final class Http2Candidates {
    private Http2Candidates() {
    }

    /** One user's connection: a blocking GET, safe to call from its S threads at once. */
    interface Caller {
        int get() throws Exception;
    }

    interface Client extends AutoCloseable {
        Caller connect() throws Exception;

        /** What the last connection negotiated, as the client reports it. */
        String protocol();

        @Override
        void close() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Http2Candidates URL USERS STREAMS SECONDS jetty|netty|jdk|jdk-shared");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        int users = Integer.parseInt(args[1]);
        int streams = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        try (Client client = client(args[4], url)) {
            List<Caller> callers = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                callers.add(client.connect());
            }
            run(callers, streams, 3);
            long[] counted = run(callers, streams, seconds);
            System.out.printf("RESULT %s %d %d %.1f %d %s%n", args[4], counted[0], seconds, counted[0] / (double) seconds,
                    counted[1], client.protocol());
        }
    }

    private static long[] run(List<Caller> callers, int streams, int seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder errors = new LongAdder();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Caller caller : callers) {
            for (int s = 0; s < streams; s++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < deadline) {
                        try {
                            if (caller.get() == 200) {
                                done.increment();
                            } else {
                                errors.increment();
                            }
                        } catch (Exception e) {
                            errors.increment();
                        }
                    }
                }));
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        return new long[] {done.sum(), errors.sum()};
    }

    private static Client client(String name, URI url) throws Exception {
        return switch (name) {
            case "jetty" -> jetty(url);
            case "netty" -> new NettyH2Candidate(url);
            case "stampede" -> stampede(url);
            case "jdk" -> jdk(url, false);
            case "jdk-shared" -> jdk(url, true);
            default -> throw new IllegalArgumentException("no candidate " + name);
        };
    }

    private static Client jetty(URI url) throws Exception {
        boolean tls = "https".equals(url.getScheme());
        HTTP2Client client = new HTTP2Client();
        SslContextFactory.Client ssl = new SslContextFactory.Client(true);
        ssl.setEndpointIdentificationAlgorithm(null);
        client.addBean(ssl);
        client.start();
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        String authority = url.getHost() + ":" + url.getPort();
        return new Client() {
            @Override
            public Caller connect() throws Exception {
                Session session = client.connect(tls ? ssl : null, address, new Session.Listener() { })
                        .get(5, TimeUnit.SECONDS);
                return () -> {
                    HttpFields.Mutable fields = HttpFields.build();
                    fields.put("user-agent", "stampede-bench");
                    MetaData.Request request = new MetaData.Request("GET",
                            HttpURI.build().scheme(url.getScheme()).authority(authority).path(url.getRawPath()),
                            HttpVersion.HTTP_2, fields);
                    ResponseCollector answer = new ResponseCollector();
                    session.newStream(new HeadersFrame(request, null, true), answer);
                    return answer.status.get(60, TimeUnit.SECONDS);
                };
            }

            @Override
            public String protocol() {
                return tls ? "h2(alpn)" : "h2c";
            }

            @Override
            public void close() throws Exception {
                client.stop();
            }
        };
    }

    /** A response read whole: the status once the last DATA frame (or a HEADERS frame ending the stream) arrived. */
    private static final class ResponseCollector implements Stream.Listener {
        final CompletableFuture<Integer> status = new CompletableFuture<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int code;

        @Override
        public void onHeaders(Stream stream, HeadersFrame frame) {
            if (frame.getMetaData() instanceof MetaData.Response r) {
                code = r.getStatus();
            }
            if (frame.isEndStream()) {
                status.complete(code);
            } else {
                stream.demand();
            }
        }

        @Override
        public void onDataAvailable(Stream stream) {
            Stream.Data data = stream.readData();
            if (data == null) {
                stream.demand();
                return;
            }
            ByteBuffer b = data.frame().getByteBuffer();
            byte[] copy = new byte[b.remaining()];
            b.get(copy);
            body.write(copy, 0, copy.length);
            boolean last = data.frame().isEndStream();
            data.release();
            if (last) {
                status.complete(code);
            } else {
                stream.demand();
            }
        }

        @Override
        public void onFailure(Stream stream, int error, String reason, Throwable failure, org.eclipse.jetty.util.Callback callback) {
            status.completeExceptionally(failure);
            callback.succeeded();
        }

        @Override
        public void onReset(Stream stream, org.eclipse.jetty.http2.frames.ResetFrame frame, org.eclipse.jetty.util.Callback callback) {
            status.completeExceptionally(new java.io.IOException("stream reset: " + frame.getError()));
            callback.succeeded();
        }
    }

    /** Stampede's own HTTP/2 transport (stampede-http2) as a user's client sees it, recording into nothing. */
    private static Client stampede(URI url) {
        io.stampede.http2.Http2SessionFactory factory = new io.stampede.http2.Http2SessionFactory(
                io.stampede.http.HttpClientConfig.of(url.getScheme() + "://" + url.getAuthority()).withInsecure(true));
        String path = url.getRawPath();
        return new Client() {
            @Override
            public Caller connect() {
                io.stampede.HttpSession session = factory.open((method, name, nanos, bytes, error) -> { });
                return () -> session.get(path).status();
            }

            @Override
            public String protocol() {
                return factory.mode();
            }

            @Override
            public void close() {
                factory.close();
            }
        };
    }

    private static Client jdk(URI url, boolean shared) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).sslContext(trustAll());
        HttpClient one = shared ? builder.build() : null;
        HttpRequest get = HttpRequest.newBuilder(url).GET().build();
        List<HttpClient> clients = new ArrayList<>();
        String[] protocol = {"?"};
        return new Client() {
            @Override
            public Caller connect() throws Exception {
                HttpClient c = shared ? one : builder.build();
                if (!shared) {
                    clients.add(c);
                }
                protocol[0] = c.send(get, HttpResponse.BodyHandlers.discarding()).version().toString();
                return () -> c.send(get, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            }

            @Override
            public String protocol() {
                return protocol[0];
            }

            @Override
            public void close() {
                clients.forEach(HttpClient::close);
                if (one != null) {
                    one.close();
                }
            }
        };
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
