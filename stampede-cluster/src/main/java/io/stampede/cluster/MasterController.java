package io.stampede.cluster;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.stampede.cluster.v1.EngineConfig;
import io.stampede.cluster.v1.Ended;
import io.stampede.cluster.v1.Heartbeat;
import io.stampede.cluster.v1.Hello;
import io.stampede.cluster.v1.Interval;
import io.stampede.cluster.v1.MasterMessage;
import io.stampede.cluster.v1.Refused;
import io.stampede.cluster.v1.Stop;
import io.stampede.cluster.v1.Welcome;
import io.stampede.cluster.v1.WorkerStatus;
import io.stampede.core.run.LoadController;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.Measurement;
import io.stampede.core.time.Clock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A run's {@link LoadController} over the workers connected to this master's gRPC port: a target is
 * split over them in proportion to their capacities ({@link TargetSplit}), and split again when one
 * joins or goes; what they measure is merged exactly ({@link IntervalInbox}). A worker silent for
 * over {@link Heartbeats#LOST_AFTER}, or whose stream breaks, is dropped and its share given to the
 * others; the notices say so by name. See docs/design/006-cluster.md.
 */
public final class MasterController implements LoadController, AutoCloseable {
    /**
     * How long past the stop timeout a live worker's Ended is waited for. A worker's engine may take
     * the stop timeout and then 10 s more to end users that ignore their interrupt (UserPool), and a
     * worker of 250,000 users on a busy machine takes a while to stop them; with the 5 s the master
     * first waited, 250,000-user workers' last intervals (23,411 requests in a 1,000,000-user run) were lost.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private final MasterSettings settings;
    private final ClusterScenario scenario;
    private final RunSettings run;
    private final Consumer<String> notices;
    private final Clock clock = Clock.SYSTEM;
    private final ScheduledExecutorService timer;
    private final Server server;
    private final IntervalInbox inbox = new IntervalInbox();
    /** Admitted workers still here, in the order they joined (ties in a split go to the earlier). */
    private final List<WorkerNode> workers = new ArrayList<>();
    /** Every name given so far: a worker that comes back gets a new one, so notices and figures never mix two. */
    private final Set<String> names = new HashSet<>();
    private final Map<String, Long> reported = new HashMap<>();
    /** Workers lost while this run was on, with why: named again when it stops, beside the summary. */
    private final List<String> lostThisRun = new ArrayList<>();
    private int joined;
    private LoadTarget target;
    private long targetAtNanos;
    /** The model of the run on (or of the last one, for its final measurement). */
    private boolean open;
    /** No run on: the next target may be of either model. */
    private boolean stopped = true;
    private long sequence;
    private long lastEndMillis;
    private boolean closed;
    private volatile boolean frozen;

    /**
     * Starts listening at once.
     *
     * @param notices lines for the people running the test: workers joining, refused, lost
     * @throws IOException when the port cannot be bound or the TLS files read
     */
    public MasterController(MasterSettings settings, ClusterScenario scenario, RunSettings run,
                            Consumer<String> notices) throws IOException {
        this.settings = settings;
        this.scenario = scenario;
        this.run = run;
        this.notices = notices;
        this.lastEndMillis = clock.epochMillis();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("stampede-master-heartbeat").unstarted(r));
        ServerCredentials credentials = settings.tls() == null ? InsecureServerCredentials.create()
                : TlsServerCredentials.create(settings.tls().certificateChain().toFile(),
                        settings.tls().privateKey().toFile());
        MasterService service = new MasterService(this, timer);
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(settings.bindHost(), settings.port()), credentials)
                .addService(ServerInterceptors.intercept(service, new PeerAddress()))
                .keepAliveTime(Heartbeats.KEEPALIVE.toSeconds(), TimeUnit.SECONDS)
                .keepAliveTimeout(Heartbeats.LOST_AFTER.toSeconds(), TimeUnit.SECONDS)
                // workers ping every KEEPALIVE; a stricter limit would make the server hang up on them
                .permitKeepAliveTime(Heartbeats.LOST_AFTER.toSeconds(), TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            timer.shutdownNow();
            throw new IOException("cannot listen on " + settings.bindHost() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        long every = Heartbeats.EVERY.toMillis();
        timer.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::dropSilent, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** The port listened on (the one picked when the settings said 0). */
    public int port() {
        return server.getPort();
    }

    /**
     * Waits until at least {@code count} workers are here and have built the scenario (they said so with
     * a first heartbeat); false when {@code maxWait} passed first.
     */
    public synchronized boolean awaitWorkers(int count, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long left;
        while (readyWorkers() < count && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return readyWorkers() >= count;
    }

    private int readyWorkers() {
        int n = 0;
        for (WorkerNode w : workers) {
            n += w.ready ? 1 : 0;
        }
        return n;
    }

    /** The workers here now, in the order they joined. */
    public synchronized List<WorkerInfo> workers() {
        return workers.stream().map(w -> new WorkerInfo(w.name, w.address, w.capacity,
                w.status.getRunningUsers(), w.share)).toList();
    }

    /**
     * One worker as the master sees it.
     *
     * @param share its part of the current target (null before any)
     */
    public record WorkerInfo(String name, String address, int capacity, int runningUsers, LoadTarget share) {
    }

    @Override
    public synchronized void check(LoadTarget t) {
        switch (t) {
            case LoadTarget.Users u -> {
                if (open && !stopped) {
                    throw new IllegalArgumentException("this is an arrival-rate run: change its rate, not its users");
                }
                if (u.userClasses() != null) {
                    for (String c : u.userClasses()) {
                        if (!scenario.userClasses().contains(c)) {
                            throw new IllegalArgumentException("no user class named " + c + " (the scenario has "
                                    + String.join(", ", scenario.userClasses()) + ")");
                        }
                    }
                    if (u.users() > 0 && u.userClasses().isEmpty()) {
                        throw new IllegalArgumentException("no user class to run");
                    }
                }
            }
            case LoadTarget.Rate r -> {
                if (!open && !stopped) {
                    throw new IllegalArgumentException("this run has a number of users: change it, not a rate");
                }
            }
        }
    }

    @Override
    public synchronized void apply(LoadTarget t, long atNanos) {
        check(t);
        if (stopped) {
            inbox.newRun();
            lostThisRun.clear();
        }
        stopped = false;
        open = t instanceof LoadTarget.Rate;
        target = t;
        targetAtNanos = atNanos;
        distribute(true);
    }

    @Override
    public synchronized boolean settled() {
        if (target == null) {
            return true;
        }
        if (workers.isEmpty()) {
            // a target with load and nobody to run it is not reached
            return target instanceof LoadTarget.Users u && u.users() == 0;
        }
        for (WorkerNode w : workers) {
            if (w.status.getApplied() != w.applyId || !w.status.getSettled()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized int runningUsers() {
        int sum = 0;
        for (WorkerNode w : workers) {
            sum += w.status.getRunningUsers();
        }
        return sum;
    }

    @Override
    public Measurement measure() {
        long end = clock.epochMillis();
        int users = runningUsers();
        synchronized (this) {
            Measurement m = inbox.take(++sequence, lastEndMillis, Math.max(end, lastEndMillis), users, open);
            lastEndMillis = Math.max(end, lastEndMillis);
            return m;
        }
    }

    /**
     * Tells every worker to stop and waits for each one's Ended, which carries what its users did up
     * to their end, so the next {@link #measure} completes the run; a worker that goes meanwhile is
     * not waited for. Waits at most the stop timeout and {@link #STOP_GRACE} more.
     */
    @Override
    public synchronized void stopAll() {
        target = null;
        stopped = true;
        for (WorkerNode w : workers) {
            w.ended = false;
            w.share = null;
            w.out.send(MasterMessage.newBuilder().setStop(Stop.getDefaultInstance()).build());
        }
        // a worker that is still stopping keeps sending heartbeats; one that dies or hangs is dropped
        // by the 5 s rule (onGone) and then not waited for
        long deadline = System.nanoTime() + run.stopTimeout().plus(STOP_GRACE).toNanos();
        long left;
        while (!workers.stream().allMatch(w -> w.ended) && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (WorkerNode w : workers) {
            if (!w.ended) {
                notices.accept("worker " + w.label() + " did not report its end within "
                        + run.stopTimeout().plus(STOP_GRACE).toSeconds() + " s: its last statistics are missing");
            }
        }
        if (!lostThisRun.isEmpty()) {
            notices.accept(lostThisRun.size() + (lostThisRun.size() == 1 ? " worker was" : " workers were")
                    + " lost during this run (what they sent before is in the statistics): " + String.join("; ", lostThisRun));
        }
    }

    /** Ends every worker's stream (they stop their users and leave), then stops listening. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (WorkerNode w : workers) {
                w.gone = true;
                w.out.complete();
            }
            workers.clear();
        }
        timer.shutdownNow();
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
    }

    // ---- test hooks: ways for a master to die ----

    /** Drops every connection at once, with no clean end: a master whose process died. */
    void crash() {
        timer.shutdownNow();
        server.shutdownNow();
    }

    /** From now on sends no heartbeat: a hung master, as its workers see it. */
    void freeze() {
        frozen = true;
    }

    // ---- from the workers' streams (gRPC's threads) ----

    /** Welcomes a worker, or refuses it (and says why, to it and in the notices): null when refused. */
    synchronized WorkerNode admit(Hello hello, String address, Outbox<MasterMessage> out) {
        String asked = hello.getNode().isBlank() ? "worker" : hello.getNode();
        String refusal = null;
        if (!MessageDigest.isEqual(hello.getToken().getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8))) {
            refusal = "wrong cluster token";
        } else if (!settings.stampedeVersion().equals(hello.getStampedeVersion())) {
            refusal = "it runs Stampede " + hello.getStampedeVersion() + " and this master runs Stampede "
                    + settings.stampedeVersion() + ": run the same version on both";
        } else if (closed) {
            refusal = "the master is shutting down";
        }
        if (refusal != null) {
            out.send(MasterMessage.newBuilder().setRefused(Refused.newBuilder().setReason(refusal)).build());
            out.complete();
            notices.accept("worker " + asked + " (" + address + ") refused: " + refusal);
            return null;
        }
        String name = unique(asked);
        int ordinal = ++joined;
        WorkerNode node = new WorkerNode(name, address, Math.max(1, hello.getCapacity()), out, System.nanoTime());
        out.send(MasterMessage.newBuilder().setWelcome(Welcome.newBuilder().setName(name)
                .setScenario(Wire.scenario(scenario))
                .setEngine(EngineConfig.newBuilder().setStopTimeoutMillis(run.stopTimeout().toMillis())
                        .setSeed(run.seedFor(ordinal)))
                .setHttp(Wire.http(run.http()))).build());
        workers.add(node);
        String spread = target == null ? "" : "; " + describe(target) + " now spread over " + workers.size() + " workers";
        notices.accept("worker " + node.label() + " joined with capacity " + node.capacity + " (" + workers.size()
                + " here)" + spread);
        distribute(false);
        notifyAll();
        return node;
    }

    synchronized void onStatus(WorkerNode w, WorkerStatus status) {
        w.status = status;
        w.ready = true;
        notifyAll();
    }

    synchronized void onInterval(WorkerNode w, Interval interval) {
        Measurement m;
        try {
            m = Wire.measurement(interval);
        } catch (IllegalArgumentException e) {
            // the version check makes this a bug, not a mismatch: say it and keep the rest of the run
            notices.accept("worker " + w.label() + " sent an interval that cannot be read: " + e.getMessage());
            return;
        }
        inbox.add(w.name, m);
        reported.merge(w.name, m.stats().total().count(), Long::sum);
        w.status = interval.getStatus();
    }

    synchronized void onEnded(WorkerNode w, Ended ended) {
        onInterval(w, ended.getLast());
        w.ended = true;
        notifyAll();
    }

    /** The worker went (its stream ended, broke, or went silent): its share goes to the others. */
    synchronized void onGone(WorkerNode w, String why) {
        if (w.gone) {
            return;
        }
        w.gone = true;
        workers.remove(w);
        inbox.gone(w.name);
        if (!stopped && !why.startsWith("left")) {
            lostThisRun.add(w.label() + ": " + why);
        }
        // a worker declared lost that still runs must stop: ending its stream tells it to
        w.out.fail(Status.UNAVAILABLE.withDescription("the master dropped this worker: " + why));
        String share = w.share == null ? "it ran nothing" : "its " + describe(w.share)
                + (workers.isEmpty() ? " have no worker left to go to" : " go to the others");
        notices.accept("worker " + w.label() + " " + (why.startsWith("left") ? "" : "lost: ") + why + "; " + share);
        distribute(false);
        notifyAll();
    }

    /** Requests in every interval received from the named worker (a gone one's too): for tests' accounting. */
    synchronized long reportedRequests(String worker) {
        return reported.getOrDefault(worker, 0L);
    }

    // ---- inside ----

    /**
     * Sends each worker its share of the target: all of them for a new target (due at its time), or
     * only the changed shares when the workers changed (due now, with what is left of a ramp).
     */
    private void distribute(boolean fresh) {
        if (target == null || workers.isEmpty()) {
            return;
        }
        long now = clock.nanoTime();
        int[] capacities = workers.stream().mapToInt(w -> w.capacity).toArray();
        Duration elapsed = fresh ? Duration.ZERO : Duration.ofNanos(Math.max(0, now - targetAtNanos));
        List<LoadTarget> shares = TargetSplit.split(target, capacities, elapsed);
        long late = fresh ? Math.max(0, now - targetAtNanos) : 0;
        for (int i = 0; i < workers.size(); i++) {
            WorkerNode w = workers.get(i);
            LoadTarget share = shares.get(i);
            if (fresh || !share.equals(w.share)) {
                w.share = share;
                w.applyId++;
                if (!frozen) { // a hung master (the test hook) sends nothing, not even a new share
                    w.out.send(MasterMessage.newBuilder().setApply(Wire.apply(w.applyId, late, share)).build());
                }
            }
        }
    }

    private String unique(String asked) {
        String name = asked;
        for (int n = 2; names.contains(name); n++) {
            name = asked + "-" + n;
        }
        names.add(name);
        return name;
    }

    private static String describe(LoadTarget t) {
        return switch (t) {
            case LoadTarget.Users u -> u.users() + " users";
            case LoadTarget.Rate r -> String.format(Locale.ROOT, "%.4g iterations/s", r.perSecond());
        };
    }

    private void beat() {
        if (frozen) {
            return;
        }
        MasterMessage beat = MasterMessage.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build();
        List<WorkerNode> now;
        synchronized (this) {
            now = List.copyOf(workers);
        }
        now.forEach(w -> w.out.send(beat));
    }

    private void dropSilent() {
        long now = System.nanoTime();
        List<WorkerNode> silent;
        synchronized (this) {
            silent = workers.stream().filter(w -> now - w.lastHeardNanos > Heartbeats.LOST_AFTER.toNanos()).toList();
        }
        silent.forEach(w -> onGone(w, "no heartbeat for " + Heartbeats.LOST_AFTER.toSeconds() + " s"));
    }
}
