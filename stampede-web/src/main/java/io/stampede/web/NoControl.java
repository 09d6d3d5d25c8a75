package io.stampede.web;

import io.stampede.core.run.RunState;
import java.time.Duration;
import java.util.List;

/** The control of a {@link WebOutput} that no server has bound yet: its documents still make sense. */
enum NoControl implements WebControl {
    INSTANCE;

    @Override
    public RunState state() {
        return RunState.READY;
    }

    @Override
    public String host() {
        return "";
    }

    @Override
    public List<String> userClasses() {
        return List.of();
    }

    @Override
    public int targetUsers() {
        return 0;
    }

    @Override
    public void swarm(int users, double spawnRate, String host, Duration runTime) {
        throw new IllegalStateException("no run can be started from here");
    }

    @Override
    public void stop() {
    }

    @Override
    public void resetStats() {
    }
}
