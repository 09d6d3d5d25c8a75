package io.stampede.cli;

import io.stampede.cluster.ClassBytesScenarioBuilder;
import io.stampede.cluster.HttpSettings;
import io.stampede.cluster.WorkerAgent;
import io.stampede.cluster.WorkerSettings;
import io.stampede.core.transport.SessionFactory;
import io.stampede.http.HttpClientConfig;
import io.stampede.http.SocketSessionFactory;
import io.stampede.http2.Http2SessionFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code stampede --worker}: runs the users the master gives it, with the scenario the master sends,
 * until the master ends (or is lost: then its load stops within 5 s) or Ctrl-C.
 */
final class WorkerCommand {
    /** How long a worker keeps trying while its master is not up yet (pods start in any order). */
    static final Duration CONNECT_WITHIN = Duration.ofMinutes(2);

    private final ClusterOptions cluster;
    private final ProcessContext process;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile WorkerAgent agent;

    WorkerCommand(ClusterOptions cluster, ProcessContext process) {
        this.cluster = cluster;
        this.process = process;
    }

    int call() throws Exception {
        String token = cluster.token(process);
        WorkerSettings settings = new WorkerSettings(cluster.masterHost, cluster.masterPort, token,
                process.nodeName(), cluster.capacity, Version.VERSION,
                cluster.tlsTrust == null ? null : Path.of(cluster.tlsTrust), CONNECT_WITHIN);
        // the agent closes first (its users end), then the builder removes the shipped --classpath jars
        try (ClassBytesScenarioBuilder builder = new ClassBytesScenarioBuilder(WorkerCommand.class.getClassLoader());
             WorkerAgent a = new WorkerAgent(settings, builder, WorkerCommand::transport,
                     line -> process.err().println("stampede: " + line))) {
            agent = a;
            started.countDown();
            a.start();
            while (!a.awaitEnd(Duration.ofSeconds(1))) {
                // the agent's own thread runs the load; this one waits for its end or Ctrl-C
            }
            String reason = String.valueOf(a.endReason());
            if (reason.startsWith("refused")) {
                return ExitCodes.USAGE;
            }
            if (reason.startsWith("cannot reach") || reason.startsWith("no answer")) {
                return ExitCodes.UNREACHABLE;
            }
            return ExitCodes.OK;
        }
    }

    /** Ctrl-C: the users stop, their last interval reaches the master, then the worker leaves. */
    void interrupt() {
        WorkerAgent a = agent;
        if (a != null) {
            a.close();
        }
    }

    /** The transport the master asked for: HTTP/1.1 over our sockets, or HTTP/2 (--http2 on the master). */
    static SessionFactory transport(HttpSettings h) {
        HttpClientConfig config = new HttpClientConfig(URI.create(h.baseUri()), h.connectTimeout(), h.readTimeout(),
                h.insecure(), h.maxConnections(), h.userAgent());
        return h.http2() ? new Http2SessionFactory(config) : new SocketSessionFactory(config);
    }
}
