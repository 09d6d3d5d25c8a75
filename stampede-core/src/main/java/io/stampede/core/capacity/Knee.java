package io.stampede.core.capacity;

import java.util.List;

/**
 * The knee of a load-versus-throughput curve: the first level where more load stopped buying more
 * throughput and only added waiting. The step-load table and the capacity search both use this one
 * rule, so the two never disagree about where a system saturates.
 *
 * @param before the last level whose throughput still grew
 * @param after the next, higher level, whose throughput grew by less than {@link #FLAT}
 */
public record Knee(LoadLevel before, LoadLevel after) {
    /**
     * Throughput that grew by less than this fraction while load grew counts as flat. Ten percent is
     * above the noise of a few seconds' measurement and far below what a system with room to spare
     * gains from the next step of load.
     */
    public static final double FLAT = 0.10;

    /**
     * Whether {@code after}, at a higher load than {@code before}, failed to raise throughput by
     * {@link #FLAT}. A {@code before} without throughput proves nothing, so it is never flat.
     */
    public static boolean flat(LoadLevel before, LoadLevel after) {
        return after.load() > before.load() && before.rps() > 0 && after.rps() < before.rps() * (1 + FLAT);
    }

    /** The first pair of consecutive levels (in the order given) where throughput went flat, or null. */
    public static Knee find(List<LoadLevel> levels) {
        for (int i = 1; i < levels.size(); i++) {
            if (flat(levels.get(i - 1), levels.get(i))) {
                return new Knee(levels.get(i - 1), levels.get(i));
            }
        }
        return null;
    }
}
