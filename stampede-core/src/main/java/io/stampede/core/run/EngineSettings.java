package io.stampede.core.run;

import java.time.Duration;

/**
 * How the engine runs users.
 *
 * @param stopTimeout how long users may take to finish their current task when stopped, before
 *                    they are interrupted
 * @param seed the seed of the users' random generators (each user gets its own stream from it)
 * @param node this process's name in reports
 */
public record EngineSettings(Duration stopTimeout, long seed, String node) {
}
