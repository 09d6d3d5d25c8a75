package io.stampede.capacity;

import java.time.Duration;

/** How the search waits between looks at the run's statistics: a test moves a fake clock instead. */
@FunctionalInterface
public interface Pause {
    Pause SLEEP = d -> Thread.sleep(d.toMillis());

    void pause(Duration d) throws InterruptedException;
}
