package io.stampede.core.plan;

import java.time.Duration;

/**
 * From {@code at} on, run {@code users} users, starting or stopping them at {@code spawnRate} per
 * second (0: all at once).
 */
public record LoadStep(Duration at, int users, double spawnRate) {
}
