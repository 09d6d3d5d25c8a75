package io.stampede.cluster;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import io.stampede.cluster.v1.Apply;
import io.stampede.cluster.v1.ClusterGrpc;
import io.stampede.cluster.v1.Ended;
import io.stampede.cluster.v1.Goodbye;
import io.stampede.cluster.v1.Heartbeat;
import io.stampede.cluster.v1.Hello;
import io.stampede.cluster.v1.MasterMessage;
import io.stampede.cluster.v1.Welcome;
import io.stampede.cluster.v1.WorkerMessage;
import io.stampede.cluster.v1.WorkerStatus;
import io.stampede.core.run.Engine;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.run.Measurement;
import io.stampede.core.spec.ScenarioException;
import io.stampede.core.spec.UserSpec;
import io.stampede.core.time.Clock;
import io.stampede.core.transport.SessionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A worker: connects to its master, builds the scenario it is sent, and runs a local {@link Engine}
 * on the shares it is given, streaming what it measures every second. Without its master (the
 * stream broke or ended, or no heartbeat for {@link Heartbeats#LOST_AFTER}) it stops its users at
 * once and ends: no load is left running with nobody to count it.
 */
public final class WorkerAgent implements AutoCloseable {
    private static final int MAX_MESSAGE_BYTES = (int) ClusterScenario.MAX_BYTES + (1 << 20); // a Welcome carries the scenario
    private final WorkerSettings settings;
    private final ScenarioBuilder builder;
    private final Function<HttpSettings, SessionFactory> transport;
    private final Consumer<String> log;
    private final Clock clock = Clock.SYSTEM;
    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicLong sentRequests = new AtomicLong();
    private final AtomicLong unsentRequests = new AtomicLong();
    private volatile long lastHeardNanos;
    private volatile String name;
    private volatile String endReason;
    private volatile boolean frozen;
    private volatile ManagedChannel channel;
    private Thread thread;
    private Outbox<WorkerMessage> out;
    private Engine engine;
    private long applied;
    /** Until Welcome says the master's, a generous bound for {@link #close} to wait. */
    private volatile Duration stopTimeout = Duration.ofSeconds(30);

    /** The stream ended: {@code status} OK when the master ended it cleanly. */
    private record Broken(Status status) {
    }

    private record Closing() {
    }

    /** A master's message and when it arrived: a target is due from its arrival, not from when this thread got to it. */
    private record Received(MasterMessage message, long atNanos) {
    }

    /**
     * @param transport makes the users' HTTP client from the master's settings (stampede-http's)
     * @param log what this worker has to say: connected, refused, master lost
     */
    public WorkerAgent(WorkerSettings settings, ScenarioBuilder builder, Function<HttpSettings, SessionFactory> transport,
                       Consumer<String> log) {
        this.settings = settings;
        this.builder = builder;
        this.transport = transport;
        this.log = log;
    }

    /** Connects in the background; {@link #awaitEnd} says when the worker is done. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Thread.ofPlatform().name("stampede-worker").daemon().start(this::life);
    }

    /** True once the worker has ended (within {@code maxWait}); {@link #endReason} says why. */
    public boolean awaitEnd(Duration maxWait) throws InterruptedException {
        return ended.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Why the worker ended ("closed", "refused by the master...", "the connection to the master... broke"); null while it runs. */
    public String endReason() {
        return endReason;
    }

    /** The name the master gave it; null before it was welcomed. */
    public String name() {
        return name;
    }

    /** Stops the users, reports their last interval, tells the master it leaves, and disconnects. */
    @Override
    public void close() {
        events.add(new Closing());
        try {
            Thread t;
            synchronized (this) {
                t = thread;
            }
            if (t != null && !ended.await(Heartbeats.HANDSHAKE.toNanos() + stopTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                t.interrupt();
                ended.await(Heartbeats.HANDSHAKE.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- test hooks: accounting of what reached the master, and ways to die ----

    /** Requests in the intervals handed to the stream. */
    long sentRequests() {
        return sentRequests.get();
    }

    /** Requests measured but never handed to the stream (frozen, or measured after the master was gone). */
    long unsentRequests() {
        return unsentRequests.get();
    }

    /** From now on sends nothing, heartbeats included: a hung worker, as its master sees it. */
    void freeze() {
        frozen = true;
    }

    /** Drops the connection under the stream at once, without Ended or Goodbye: a worker whose process died. */
    void killConnection() {
        ManagedChannel c = channel;
        if (c != null) {
            c.shutdownNow();
        }
    }

    // ---- the worker's own thread ----

    private void life() {
        String reason;
        try {
            reason = connect();
            if (reason == null) {
                reason = serve();
            }
        } catch (InterruptedException e) {
            reason = "interrupted";
        } catch (RuntimeException e) {
            reason = "failed: " + e;
        } finally {
            shutDown();
        }
        endReason = reason;
        log.accept("worker " + (name == null ? settings.node() : name) + ": " + reason);
        ended.countDown();
    }

    /** Null once welcomed; else why it never was. */
    private String connect() throws InterruptedException {
        String master = settings.masterHost() + ":" + settings.masterPort();
        try {
            channel = channel();
        } catch (IOException e) {
            return "cannot read the trusted certificate " + settings.trustedCertificate() + ": " + e.getMessage();
        }
        long deadline = System.nanoTime() + settings.connectWithin().toNanos();
        while (true) {
            events.removeIf(e -> !(e instanceof Closing));
            out = new Outbox<>(ClusterGrpc.newStub(channel).connect(new Inbound()));
            send(WorkerMessage.newBuilder().setHello(Hello.newBuilder().setStampedeVersion(settings.stampedeVersion())
                    .setToken(settings.token()).setNode(settings.node()).setCapacity(settings.effectiveCapacity())).build());
            Object first = events.poll(Heartbeats.HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return "no answer from the master at " + master + " within " + Heartbeats.HANDSHAKE.toSeconds() + " s";
            }
            if (first instanceof Closing) {
                return "closed";
            }
            if (first instanceof Received r && r.message().hasRefused()) {
                return "refused by the master at " + master + ": " + r.message().getRefused().getReason();
            }
            if (first instanceof Received r && r.message().hasWelcome()) {
                return welcome(r.message().getWelcome());
            }
            Status s = first instanceof Broken b ? b.status() : Status.UNKNOWN.withDescription("it did not say Welcome");
            if (s.getCode() != Status.Code.UNAVAILABLE || System.nanoTime() >= deadline) {
                return "cannot reach the master at " + master + ": " + describe(s);
            }
            // the master may not be up yet: try again shortly, without gRPC's growing back-off
            Object e = events.poll(1, TimeUnit.SECONDS);
            if (e instanceof Closing) {
                return "closed";
            }
            channel.resetConnectBackoff();
        }
    }

    private ManagedChannel channel() throws IOException {
        ChannelCredentials credentials = settings.trustedCertificate() == null ? InsecureChannelCredentials.create()
                : TlsChannelCredentials.newBuilder().trustManager(settings.trustedCertificate().toFile()).build();
        return Grpc.newChannelBuilderForAddress(settings.masterHost(), settings.masterPort(), credentials)
                .keepAliveTime(Heartbeats.KEEPALIVE.toSeconds(), TimeUnit.SECONDS)
                .keepAliveTimeout(Heartbeats.LOST_AFTER.toSeconds(), TimeUnit.SECONDS)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .build();
    }

    /** Builds the scenario and the engine; null when ready, else why not (and the master is told). */
    private String welcome(Welcome w) {
        name = w.getName();
        List<UserSpec> specs;
        try {
            specs = builder.build(Wire.scenario(w.getScenario()));
        } catch (ScenarioException | RuntimeException e) {
            String problem = e instanceof ScenarioException s ? String.join("; ", s.problems()) : e.toString();
            String reason = "cannot build the scenario: " + problem;
            send(WorkerMessage.newBuilder().setGoodbye(Goodbye.newBuilder().setReason(reason)).build());
            return reason;
        }
        stopTimeout = Duration.ofMillis(w.getEngine().getStopTimeoutMillis());
        EngineSettings engineSettings = new EngineSettings(stopTimeout, w.getEngine().getSeed(), name);
        engine = new Engine(specs, transport.apply(Wire.http(w.getHttp())), engineSettings, clock,
                n -> log.accept("worker " + name + ": " + n));
        lastHeardNanos = System.nanoTime();
        log.accept("worker " + name + ": connected to " + settings.masterHost() + ":" + settings.masterPort());
        return null;
    }

    /** Carries out the master's orders until it or this worker goes; returns why. */
    private String serve() throws InterruptedException {
        long every = Heartbeats.EVERY.toNanos();
        long nextTick = System.nanoTime() + every;
        WorkerStatus reported = null;
        CompletableFuture<Void> stopping = null;
        while (true) {
            Object e = events.poll(50, TimeUnit.MILLISECONDS);
            if (e instanceof Broken b) {
                return b.status().isOk() ? "the master at " + settings.masterHost() + ":" + settings.masterPort()
                        + " ended the connection" : "the connection to the master broke (" + describe(b.status()) + ")";
            }
            if (e instanceof Closing) {
                if (stopping != null) {
                    stopping.join();
                }
                engine.stopAll();
                sendEnded();
                send(WorkerMessage.newBuilder().setGoodbye(Goodbye.newBuilder().setReason("closed")).build());
                out.complete();
                return "closed";
            }
            if (e instanceof Received(MasterMessage m, long at)) {
                if (m.hasApply()) {
                    if (stopping != null) {
                        stopping.join(); // a new run's target after a stop: the stop ends first
                        sendEnded();
                        stopping = null;
                    }
                    apply(m.getApply(), at);
                } else if (m.hasStop() && stopping == null) {
                    // off this thread, so heartbeats go on while users finish their tasks
                    stopping = CompletableFuture.runAsync(engine::stopAll,
                            r -> Thread.ofPlatform().daemon().name("stampede-worker-stop").start(r));
                }
            }
            if (stopping != null && stopping.isDone()) {
                sendEnded();
                stopping = null;
            }
            long now = System.nanoTime();
            if (now - lastHeardNanos > Heartbeats.LOST_AFTER.toNanos()) {
                return "no heartbeat from the master for " + Heartbeats.LOST_AFTER.toSeconds() + " s";
            }
            WorkerStatus status = status();
            boolean tick = now >= nextTick;
            // a change of applied or settled goes at once: the master's settled() waits on it
            if (tick || reported == null || status.getApplied() != reported.getApplied()
                    || status.getSettled() != reported.getSettled()) {
                send(WorkerMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setStatus(status)).build());
                reported = status;
            }
            if (tick) {
                if (stopping == null) {
                    sendInterval(engine.measure(), false);
                }
                nextTick = Math.max(nextTick + every, now + 1);
            }
        }
    }

    private void apply(Apply a, long receivedNanos) {
        try {
            engine.apply(Wire.target(a), receivedNanos - a.getLateNanos());
            applied = a.getId();
        } catch (IllegalArgumentException e) {
            log.accept("worker " + name + ": cannot apply the master's target: " + e.getMessage());
        }
    }

    private WorkerStatus status() {
        return WorkerStatus.newBuilder().setApplied(applied).setSettled(engine.settled())
                .setRunningUsers(engine.runningUsers()).build();
    }

    private void sendEnded() {
        sendInterval(engine.measure(), true);
    }

    private void sendInterval(Measurement m, boolean last) {
        var interval = Wire.interval(m, status());
        WorkerMessage message = last ? WorkerMessage.newBuilder().setEnded(Ended.newBuilder().setLast(interval)).build()
                : WorkerMessage.newBuilder().setInterval(interval).build();
        long requests = m.stats().total().count();
        (send(message) ? sentRequests : unsentRequests).addAndGet(requests);
    }

    private boolean send(WorkerMessage m) {
        return !frozen && out.send(m);
    }

    /** Stops the users (if the master is gone they must not go on) and counts what they did that nobody got. */
    private void shutDown() {
        if (engine != null) {
            engine.close();
            unsentRequests.addAndGet(engine.measure().stats().total().count());
            long lost = unsentRequests.get();
            if (lost > 0) {
                log.accept("worker " + name + ": " + lost + " of its requests never reached the master's statistics");
            }
        }
        if (out != null) {
            out.complete();
        }
        ManagedChannel c = channel;
        if (c != null) {
            // gracefully first: a Goodbye still on its way reaches the master before the connection goes
            c.shutdown();
            try {
                if (!c.awaitTermination(2, TimeUnit.SECONDS)) {
                    c.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.shutdownNow();
            }
        }
    }

    private static String describe(Status s) {
        return s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
    }

    /** The master's messages and the stream's end, onto the worker's queue; any message proves the master alive. */
    private final class Inbound implements StreamObserver<MasterMessage> {
        @Override
        public void onNext(MasterMessage m) {
            long now = clock.nanoTime();
            lastHeardNanos = now;
            events.add(new Received(m, now));
        }

        @Override
        public void onError(Throwable t) {
            events.add(new Broken(Status.fromThrowable(t)));
        }

        @Override
        public void onCompleted() {
            events.add(new Broken(Status.OK));
        }
    }
}
