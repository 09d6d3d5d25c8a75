package io.stampede.bench;

import io.stampede.http.HttpClientConfig;
import io.stampede.http.RawExchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The transport decision of docs/design/002, measured without the rest of the tool: N virtual threads,
 * each looping GET on a keep-alive connection for a fixed time, no statistics, through one candidate:
 * <ul>
 *   <li>{@code socket}: Stampede's own transport, one connection per thread ({@link RawExchange}: a blocking socket);</li>
 *   <li>{@code jdk}: the JDK's java.net.http client, HTTP/1.1, one client for all threads;</li>
 *   <li>{@code apache}: Apache HttpClient 5 classic with a pool of N connections.</li>
 * </ul>
 * Prints {@code RESULT candidate requests seconds req/s errors} after a warm-up that is not counted.
 * Run by bench/run.py transports (nginx on one core, this on the other).
 *
 * <pre>java -cp stampede-bench/target/benchmarks.jar io.stampede.bench.TransportCandidates URL USERS SECONDS CANDIDATE</pre>
 */
public final class TransportCandidates {
    private TransportCandidates() {
    }

    /** One candidate's blocking GET, called from many virtual threads. */
    interface Client extends AutoCloseable {
        /** A per-thread caller (a candidate may keep a connection per thread). */
        Caller caller() throws Exception;

        @Override
        void close() throws Exception;
    }

    interface Caller {
        int get() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TransportCandidates URL USERS SECONDS socket|jdk|apache");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        int users = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        try (Client client = client(args[3], url, users)) {
            run(client, users, 3); // warm-up: JIT, connections
            long[] counted = run(client, users, seconds);
            System.out.printf("RESULT %s %d %d %.1f %d%n", args[3], counted[0], seconds, counted[0] / (double) seconds, counted[1]);
        }
    }

    private static long[] run(Client client, int users, int seconds) throws Exception {
        LongAdder done = new LongAdder();
        LongAdder errors = new LongAdder();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Caller caller = client.caller();
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
        for (Thread t : threads) {
            t.join();
        }
        return new long[] {done.sum(), errors.sum()};
    }

    private static Client client(String name, URI url, int users) {
        String base = url.getScheme() + "://" + url.getAuthority();
        String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return switch (name) {
            case "socket" -> socket(base, path);
            case "jdk" -> jdk(url);
            case "apache" -> apache(url, users);
            default -> throw new IllegalArgumentException("no candidate " + name);
        };
    }

    private static Client socket(String base, String path) {
        HttpClientConfig config = HttpClientConfig.of(base);
        List<RawExchange> open = new ArrayList<>();
        return new Client() {
            @Override
            public Caller caller() {
                return new Caller() {
                    private RawExchange c;

                    @Override
                    public int get() throws Exception {
                        if (c == null || !c.reusable()) { // a new connection when the server closed the last one
                            if (c != null) {
                                c.close();
                            }
                            c = RawExchange.connect(config, "GET", path, List.of(), null, null);
                            synchronized (open) {
                                open.add(c);
                            }
                        }
                        return c.send();
                    }
                };
            }

            @Override
            public void close() {
                open.forEach(RawExchange::close);
            }
        };
    }

    private static Client jdk(URI url) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        HttpRequest get = HttpRequest.newBuilder(url).GET().build();
        return new Client() {
            @Override
            public Caller caller() {
                return () -> client.send(get, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static Client apache(URI url, int users) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(users).setMaxConnPerRoute(users).build();
        CloseableHttpClient client = HttpClients.custom().setConnectionManager(pool).build();
        return new Client() {
            @Override
            public Caller caller() {
                return () -> client.execute(new HttpGet(url), response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
            }

            @Override
            public void close() throws Exception {
                client.close();
            }
        };
    }
}
