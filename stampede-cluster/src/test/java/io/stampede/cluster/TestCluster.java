package io.stampede.cluster;

import io.stampede.HttpSession;
import io.stampede.core.spec.TagFilter;
import io.stampede.core.stats.RequestRecorder;
import io.stampede.core.transport.SessionFactory;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import io.stampede.testkit.TargetServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * A master and its in-process workers on loopback against a {@link TargetServer}, with real HTTP.
 * Every sample any worker records also lands in {@link #samples}: one histogram of all of them,
 * made without the cluster's merges, to hold the merged statistics against.
 */
final class TestCluster implements AutoCloseable {
    static final String VERSION = "0.1.0-test";
    static final String TOKEN = "s3cret";

    final TargetServer server;
    final MasterController master;
    final List<WorkerAgent> workers = new ArrayList<>();
    final ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> workerLog = new ConcurrentLinkedQueue<>();
    final Histogram samples = new Histogram(3);

    TestCluster(TargetServer server, MasterSettings settings) throws IOException {
        this.server = server;
        samples.setAutoResize(true);
        HttpSettings http = new HttpSettings(server.url(), Duration.ofSeconds(5), Duration.ofSeconds(10), false, 0,
                "stampede-test");
        this.master = new MasterController(settings, scenario(Hitter.class), new RunSettings(Duration.ofSeconds(2), 7, http),
                line -> {
                    notices.add(line);
                    System.err.println("master: " + line);
                });
    }

    static TestCluster start(TargetServer server) throws IOException {
        return new TestCluster(server, new MasterSettings("127.0.0.1", 0, TOKEN, VERSION, null));
    }

    static ClusterScenario scenario(Class<?> userClass) {
        String resource = userClass.getName().replace('.', '/') + ".class";
        try (InputStream in = userClass.getClassLoader().getResourceAsStream(resource)) {
            return new ClusterScenario(Map.of(userClass.getName(), in.readAllBytes()), Map.of(),
                    List.of(userClass.getSimpleName()), TagFilter.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WorkerSettings settings(String node, int capacity) {
        return new WorkerSettings("127.0.0.1", master.port(), TOKEN, node, capacity, VERSION, null, Duration.ofSeconds(5));
    }

    WorkerAgent addWorker(String node, int capacity) {
        return addWorker(settings(node, capacity));
    }

    /** Workers w1, w2... of these capacities, each admitted before the next connects, so they join in order. */
    void addWorkers(int... capacities) throws InterruptedException {
        for (int c : capacities) {
            addWorker("w" + (workers.size() + 1), c);
            if (!master.awaitWorkers(workers.size(), Duration.ofSeconds(20))) {
                throw new AssertionError("worker w" + workers.size() + " did not join: " + workerLog);
            }
        }
    }

    WorkerAgent addWorker(WorkerSettings settings) {
        WorkerAgent w = new WorkerAgent(settings, new ClassBytesScenarioBuilder(getClass().getClassLoader()),
                this::transport, line -> {
                    workerLog.add(line);
                    System.err.println(line);
                });
        workers.add(w);
        w.start();
        return w;
    }

    private SessionFactory transport(HttpSettings h) {
        SessionFactory inner = new SocketSessionFactory(new HttpClientConfig(URI.create(h.baseUri()), h.connectTimeout(),
                h.readTimeout(), h.insecure(), h.maxConnections(), h.userAgent()));
        return new SessionFactory() {
            @Override
            public HttpSession open(RequestRecorder recorder) {
                return inner.open((method, name, nanos, length, error) -> {
                    synchronized (samples) {
                        samples.recordValue(Math.max(1, nanos / 1000)); // as the engine does: microseconds, at least 1
                    }
                    recorder.record(method, name, nanos, length, error);
                });
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    boolean noticed(String fragment) {
        return notices.stream().anyMatch(n -> n.contains(fragment));
    }

    String notice(String fragment) {
        return notices.stream().filter(n -> n.contains(fragment)).findFirst().orElse(null);
    }

    /** Polls {@code condition} every 20 ms; fails naming {@code what} after {@code max}. */
    static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + max.toMillis() + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        workers.forEach(WorkerAgent::close);
        master.close();
    }
}
