package io.stampede.bench;

import io.stampede.cluster.ClassBytesScenarioBuilder;
import io.stampede.cluster.HttpSettings;
import io.stampede.cluster.WorkerAgent;
import io.stampede.cluster.WorkerSettings;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The many workers of {@code bench/run.py cluster-attach}: N real {@link WorkerAgent}s in this one
 * process, each on its own gRPC connection to the master (a separate {@code stampede --master}
 * process, whose CPU the harness reads), sharing gRPC's default event loop and executor. Prints
 * {@code ATTACHED <n> <ms>} once every one has its Welcome, then {@code ENDED} with why they ended.
 *
 * <pre>java -cp benchmarks.jar io.stampede.bench.ClusterAttach HOST PORT TOKEN VERSION WORKERS</pre>
 */
public final class ClusterAttach {
    private ClusterAttach() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String token = args[2];
        String version = args[3];
        int count = Integer.parseInt(args[4]);
        List<WorkerAgent> agents = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            WorkerAgent a = new WorkerAgent(new WorkerSettings(host, port, token, "w" + i, 1, version, null, Duration.ofSeconds(30)),
                    new ClassBytesScenarioBuilder(ClusterAttach.class.getClassLoader()), ClusterAttach::transport, line -> {
                        if (!line.contains(": connected to ")) {
                            System.err.println(line);
                        }
                    });
            agents.add(a);
            a.start();
        }
        while (agents.stream().anyMatch(a -> a.name() == null)) {
            if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                System.out.println("ATTACHED " + agents.stream().filter(a -> a.name() != null).count() + " (not all within 60 s)");
                System.exit(1);
            }
            Thread.sleep(5);
        }
        System.out.println("ATTACHED " + count + " " + (System.nanoTime() - start) / 1_000_000);
        // what N connections cost in threads: gRPC's event loop and executor are shared by every channel
        Map<String, Integer> threads = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            threads.merge(t.getName().replaceAll("-?\\d+$", "").replaceAll("-\\d+-", "-"), 1, Integer::sum);
        }
        System.err.println("THREADS " + threads);
        Map<String, Integer> reasons = new TreeMap<>();
        for (WorkerAgent a : agents) {
            while (!a.awaitEnd(Duration.ofMinutes(10))) {
                // the master ends the run, then their streams
            }
            reasons.merge(String.valueOf(a.endReason()), 1, Integer::sum);
        }
        System.out.println("ENDED " + reasons);
    }

    private static SocketSessionFactory transport(HttpSettings h) {
        return new SocketSessionFactory(new HttpClientConfig(URI.create(h.baseUri()), h.connectTimeout(), h.readTimeout(),
                h.insecure(), h.maxConnections(), h.userAgent()));
    }
}
