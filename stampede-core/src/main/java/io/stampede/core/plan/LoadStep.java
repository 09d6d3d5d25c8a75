package io.stampede.core.plan;

import java.time.Duration;
import java.util.Set;

/**
 * From {@code at} on, run {@code users} users, starting or stopping them at {@code spawnRate} per
 * second (0: all at once). A step with a {@code phase} name starts a new phase whose statistics are
 * kept apart (the steps of a step load); null continues the current one. {@code userClasses}, when
 * not null, limits the users to those classes (by simple name), as a Locust shape's user_classes do.
 */
public record LoadStep(Duration at, int users, double spawnRate, String phase, Set<String> userClasses) {
    public LoadStep {
        userClasses = userClasses == null ? null : Set.copyOf(userClasses);
    }

    public LoadStep(Duration at, int users, double spawnRate, String phase) {
        this(at, users, spawnRate, phase, null);
    }

    public LoadStep(Duration at, int users, double spawnRate) {
        this(at, users, spawnRate, null, null);
    }
}
