package io.stampede.cluster;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;

/** The tests' user: one GET of /fast every 20 ms, so each user makes about 50 requests a second. */
public class Hitter extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constant(0.02);
    }

    @Task
    void hit() {
        client.get("/fast");
    }
}
