package io.stampede.core.plan;

import java.time.Duration;

/**
 * From {@code at} on, run {@code users} users, starting or stopping them at {@code spawnRate} per
 * second (0: all at once). A step with a {@code phase} name starts a new phase whose statistics are
 * kept apart (the steps of a step load); null continues the current one.
 */
public record LoadStep(Duration at, int users, double spawnRate, String phase) {
    public LoadStep(Duration at, int users, double spawnRate) {
        this(at, users, spawnRate, null);
    }
}
