package io.stampede.bench;

import io.stampede.http.HttpClientConfig;
import io.stampede.http.RawExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building a request and parsing its response on the socket transport's connection (through
 * {@link RawExchange}), with the network taken out: the socket is in memory (writes are dropped,
 * reads replay a canned answer), so the figure is the transport's own CPU and allocation per
 * request. Run with {@code -prof gc}: what a response allocates is its body array and a copy of its
 * head, nothing per header.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExchangeBenchmark {
    private static final String BODY = "{\"id\":7,\"name\":\"Walnut desk\",\"price_cents\":12900,\"stock\":3}";
    private static final List<String> BEARER = List.of("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig");

    private RawExchange get;
    private RawExchange post;

    @Setup
    public void setUp() throws IOException {
        String answer = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Wed, 25 Nov 2026 11:00:00 GMT\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\nConnection: keep-alive\r\n\r\n" + BODY;
        byte[] wire = answer.getBytes(StandardCharsets.ISO_8859_1);
        HttpClientConfig config = new HttpClientConfig(URI.create("http://127.0.0.1:8080"), Duration.ofSeconds(5),
                Duration.ofSeconds(60), false, 0, "stampede/bench");
        get = RawExchange.over(new MemorySocket(wire), config, "GET", "/api/v1/products/7/", BEARER, null, null);
        post = RawExchange.over(new MemorySocket(wire), config, "POST", "/api/v1/products/7/comments/", BEARER,
                "{\"text\":\"sturdy and well made\"}".getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @Benchmark
    public int getWithBearer() throws IOException {
        return get.send();
    }

    @Benchmark
    public int postJson() throws IOException {
        return post.send();
    }
}
