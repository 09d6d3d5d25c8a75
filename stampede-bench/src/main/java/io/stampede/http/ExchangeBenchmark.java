package io.stampede.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
 * Building a request and parsing its response on the socket transport's {@link Connection}, with the
 * network taken out: the socket is in memory (writes are dropped, reads replay a canned answer), so
 * the figure is the transport's own CPU and allocation per request. Lives in the transport's package
 * because {@code Connection} is not public. Run with {@code -prof gc}: what a response allocates is
 * its body array and a copy of its head, nothing per header.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExchangeBenchmark {
    private static final String BODY = "{\"id\":7,\"name\":\"Walnut desk\",\"price_cents\":12900,\"stock\":3}";

    private Connection connection;
    private Outgoing get;
    private Outgoing post;

    @Setup
    public void setUp() throws IOException {
        String answer = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Wed, 25 Nov 2026 11:00:00 GMT\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\nConnection: keep-alive\r\n\r\n" + BODY;
        Endpoint endpoint = new Endpoint(false, "127.0.0.1", 8080, "127.0.0.1:8080");
        connection = Connection.over(new MemorySocket(answer.getBytes(StandardCharsets.ISO_8859_1)), endpoint);
        Duration timeout = Duration.ofSeconds(60);
        get = new Outgoing("GET", "/api/v1/products/7/", List.of("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"),
                null, null, timeout);
        post = new Outgoing("POST", "/api/v1/products/7/comments/", List.of("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"),
                "{\"text\":\"sturdy and well made\"}".getBytes(StandardCharsets.UTF_8), "application/json", timeout);
    }

    @Benchmark
    public RawResponse getWithBearer() throws IOException {
        return connection.exchange(get, get.target(), "stampede/bench");
    }

    @Benchmark
    public RawResponse postJson() throws IOException {
        return connection.exchange(post, post.target(), "stampede/bench");
    }

    /** A socket that is never connected: every read replays the same answer, every write is dropped. */
    static final class MemorySocket extends Socket {
        private final byte[] answer;
        private final InputStream in = new InputStream() {
            private int pos;

            @Override
            public int read() {
                int b = answer[pos] & 0xff;
                pos = (pos + 1) % answer.length;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                // one whole answer per read, as a loopback socket usually hands it over
                int n = Math.min(len, answer.length - pos);
                System.arraycopy(answer, pos, b, off, n);
                pos = (pos + n) % answer.length;
                return n;
            }
        };
        private final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
            }
        };

        MemorySocket(byte[] answer) {
            this.answer = answer;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public void setSoTimeout(int timeout) {
        }

        @Override
        public void close() {
        }
    }
}
