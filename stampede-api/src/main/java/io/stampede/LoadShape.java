package io.stampede;

import java.time.Duration;
import java.util.List;

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

    /** A target that runs only these user classes (Locust's user_classes); the others are ramped down. */
    @SafeVarargs
    protected static Target target(int users, double spawnRate, Class<? extends User>... userClasses) {
        return new Target(users, spawnRate, List.of(userClasses));
    }

    /**
     * The users to run and how fast to get there (users per second).
     *
     * @param userClasses the classes to run, shared by their weights; null for all of the scenario's
     */
    public record Target(int users, double spawnRate, List<Class<? extends User>> userClasses) {
        public Target {
            if (users < 0 || spawnRate < 0) {
                throw new IllegalArgumentException("users and spawnRate must be 0 or more");
            }
            if (userClasses != null) {
                if (userClasses.isEmpty()) {
                    throw new IllegalArgumentException("userClasses must name at least one class (or be null for all)");
                }
                userClasses = List.copyOf(userClasses);
            }
        }

        public Target(int users, double spawnRate) {
            this(users, spawnRate, null);
        }
    }
}
