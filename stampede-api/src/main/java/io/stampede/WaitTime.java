package io.stampede;

import java.util.random.RandomGenerator;

/**
 * How long a user pauses after each task. Use the factories: {@link #between}, {@link #constant},
 * {@link #constantPacing}, {@link #constantThroughput}. Implementations are stateless: the engine
 * passes in what they need, so one instance can serve every user.
 */
@FunctionalInterface
public interface WaitTime {
    long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * @param taskStartNanos when the task that just ended started (monotonic nanos)
     * @param taskEndNanos when it ended
     * @param random the user's random generator
     * @return the pause in nanoseconds, zero or more
     */
    long nanosAfter(long taskStartNanos, long taskEndNanos, RandomGenerator random);

    /** A uniformly random pause between {@code minSeconds} and {@code maxSeconds}. */
    static WaitTime between(double minSeconds, double maxSeconds) {
        if (minSeconds < 0 || maxSeconds < minSeconds) {
            throw new IllegalArgumentException("between(" + minSeconds + ", " + maxSeconds + "): need 0 <= min <= max");
        }
        long min = toNanos(minSeconds);
        long spread = toNanos(maxSeconds) - min;
        return (start, end, random) -> spread == 0 ? min : min + random.nextLong(spread + 1);
    }

    /** The same pause after every task. */
    static WaitTime constant(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("constant(" + seconds + "): need seconds >= 0");
        }
        long nanos = toNanos(seconds);
        return (start, end, random) -> nanos;
    }

    /**
     * A pause that makes each task start {@code seconds} after the previous one started, whatever the
     * task took (no pause when the task took longer).
     */
    static WaitTime constantPacing(double seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("constantPacing(" + seconds + "): need seconds > 0");
        }
        long period = toNanos(seconds);
        return (start, end, random) -> Math.max(0, period - (end - start));
    }

    /** At most {@code perSecond} tasks a second per user: the inverse of {@link #constantPacing}. */
    static WaitTime constantThroughput(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("constantThroughput(" + perSecond + "): need perSecond > 0");
        }
        return constantPacing(1.0 / perSecond);
    }

    private static long toNanos(double seconds) {
        return Math.round(seconds * NANOS_PER_SECOND);
    }
}
