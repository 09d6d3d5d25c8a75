package io.stampede.demo;

import io.stampede.testkit.Reply;
import io.stampede.testkit.TargetServer;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback {@link TargetServer} whose {@code /work} counts what it answered per sending process
 * (the {@code X-Worker-Pid} header of {@code TaggedUser}), and can hold one process's requests
 * unanswered: a request held is never answered, so no worker ever records it and nobody counts it.
 */
final class TaggedWorkServer implements AutoCloseable {
    final TargetServer server;
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastArrivalNanos = new AtomicLong();

    TaggedWorkServer() throws IOException {
        server = TargetServer.start(Map.of("/work", r -> {
            lastArrivalNanos.set(System.nanoTime());
            String pid = String.valueOf(r.header("X-Worker-Pid"));
            if (held.contains(pid)) {
                return new Reply.Hang();
            }
            answered.computeIfAbsent(pid, p -> new AtomicLong()).incrementAndGet();
            return Reply.text(200, "done\n");
        }));
    }

    String url() {
        return server.url();
    }

    long answered(long pid) {
        AtomicLong n = answered.get(String.valueOf(pid));
        return n == null ? 0 : n.get();
    }

    long answered() {
        return answered.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Requests received for /work, answered or held. */
    long received() {
        return server.requestCount("GET", "/work");
    }

    /** From now on the requests of this process get no answer. */
    void hold(long pid) {
        held.add(String.valueOf(pid));
    }

    /** When the last /work request arrived (System.nanoTime). */
    long lastArrivalNanos() {
        return lastArrivalNanos.get();
    }

    @Override
    public void close() {
        server.close();
    }
}
