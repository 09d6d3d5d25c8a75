package io.stampede.cluster;

import io.stampede.HttpUser;
import io.stampede.Task;

/**
 * A user whose task ignores its interrupt: 9 s of sleep, then a GET. Stopped during the sleep, it
 * ends only after the stop timeout and the engine's forced stop have both passed it by, and its GET
 * is made during the stop: only a master that waits for its Ended counts it.
 */
public class SlowToStop extends HttpUser {
    @Task
    void sleepThenHit() {
        long until = System.nanoTime() + 9_000_000_000L;
        for (long left; (left = until - System.nanoTime()) > 0; ) {
            try {
                Thread.sleep(left / 1_000_000 + 1);
            } catch (InterruptedException e) {
                // as a blocking call that cannot be interrupted would: the user keeps going
            }
        }
        client.get("/fast");
    }
}
