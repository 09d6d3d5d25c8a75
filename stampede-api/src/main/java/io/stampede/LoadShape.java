package io.stampede;

import java.time.Duration;

/**
 * A custom load curve (Locust's {@code LoadTestShape}): put a subclass in the scenario file and the
 * run asks it, about once a second, how many users should run now. Return null to end the run.
 * Use it for shapes that stages cannot express, such as a business day with a lunch dip.
 *
 * <pre>{@code
 * public class BusinessDay extends LoadShape {
 *     public Target tick(Duration elapsed) {
 *         long m = elapsed.toMinutes();
 *         if (m >= 600) return null;                       // 10 hours
 *         int users = m < 60 ? (int) (m * 400) : 24_000;   // morning ramp, then the day
 *         return target(users, 100);
 *     }
 * }
 * }</pre>
 */
public abstract class LoadShape {
    /**
     * @param elapsed time since the run started
     * @return the number of users and the rate to start or stop them at, or null to stop the run
     */
    public abstract Target tick(Duration elapsed);

    protected static Target target(int users, double spawnRate) {
        return new Target(users, spawnRate);
    }

    /** The users to run and how fast to get there (users per second). */
    public record Target(int users, double spawnRate) {
        public Target {
            if (users < 0 || spawnRate < 0) {
                throw new IllegalArgumentException("users and spawnRate must be 0 or more");
            }
        }
    }
}
