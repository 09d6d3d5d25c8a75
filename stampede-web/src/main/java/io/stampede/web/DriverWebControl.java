package io.stampede.web;

import io.stampede.core.output.RunResult;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunRequest;
import io.stampede.core.run.RunState;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link WebControl} over a {@link RunDriver}: a swarm starts a run built by the factory when
 * none is on, and changes the users of the one that is. Every value is checked before anything is
 * asked of the driver, so a refused swarm changes nothing.
 */
public final class DriverWebControl implements WebControl {
    private final RunDriver driver;
    private final RunRequestFactory factory;
    private final List<String> userClasses;
    private volatile String host;
    private volatile int targetUsers;
    private volatile CompletableFuture<RunResult> current;

    /**
     * @param initialHost the target until a swarm names another (the command line's {@code -H})
     * @param userClasses the scenario's user classes, by simple name
     */
    public DriverWebControl(RunDriver driver, RunRequestFactory factory, String initialHost, List<String> userClasses) {
        this.driver = driver;
        this.factory = factory;
        this.host = initialHost == null ? "" : initialHost;
        this.userClasses = List.copyOf(userClasses);
    }

    @Override
    public RunState state() {
        return driver.state();
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public List<String> userClasses() {
        return userClasses;
    }

    @Override
    public int targetUsers() {
        return targetUsers;
    }

    /**
     * Starts a run the command line built itself (with {@code --autostart}: its stages, shape or
     * step load), so the page shows it and may change or stop it like one started there.
     *
     * @param users the users it asks for first (what the edit form starts from)
     * @throws IllegalStateException when a run is on
     */
    public synchronized CompletableFuture<RunResult> start(RunRequest request, int users) {
        current = driver.start(request);
        targetUsers = users;
        return current;
    }

    /** The run started last through this control (its result once it stopped); null before any. */
    public CompletableFuture<RunResult> currentRun() {
        return current;
    }

    @Override
    public synchronized void swarm(int users, double spawnRate, String newHost, Duration runTime) {
        if (users < 0) {
            throw new IllegalArgumentException("user_count must be 0 or more, was " + users);
        }
        if (!(spawnRate >= 0) || Double.isInfinite(spawnRate)) {
            throw new IllegalArgumentException("spawn_rate must be a number, 0 or more, was " + spawnRate);
        }
        if (runTime != null && (runTime.isNegative() || runTime.isZero())) {
            throw new IllegalArgumentException("run_time must be longer than 0");
        }
        String target = newHost == null || newHost.isBlank() ? host : checkedHost(newHost.strip());
        if (isOn()) {
            if (!target.equals(host)) {
                throw new IllegalStateException("the host can only change between runs: stop this one first");
            }
            if (runTime != null) {
                throw new IllegalStateException("the run time is set when a run starts: stop this one first");
            }
            driver.change(new LoadTarget.Users(users, spawnRate));
        } else {
            if (target.isEmpty()) {
                throw new IllegalArgumentException("host is missing: give the target's base URL, e.g. http://127.0.0.1:8080");
            }
            current = driver.start(factory.create(users, spawnRate, target, runTime));
            host = target;
        }
        targetUsers = users;
    }

    /** A run started here that has not finished, or one the driver has on (started by the command line). */
    private boolean isOn() {
        CompletableFuture<RunResult> c = current;
        return (c != null && !c.isDone()) || driver.state().active();
    }

    private static String checkedHost(String h) {
        try {
            URI u = new URI(h);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return h;
            }
        } catch (URISyntaxException e) {
            // said below, in the same words as a wrong scheme
        }
        throw new IllegalArgumentException("host must be an http:// or https:// URL, was '" + h + "'");
    }

    @Override
    public void stop() {
        driver.stop("stopped from the web UI");
    }

    @Override
    public void resetStats() {
        driver.resetStats();
    }
}
