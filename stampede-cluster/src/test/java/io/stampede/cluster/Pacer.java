package io.stampede.cluster;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;

/** The scale test's user: one GET of /fast a second, so 500 of them load neither the server nor the test's two cores. */
public class Pacer extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constantPacing(1);
    }

    @Task
    void hit() {
        client.get("/fast");
    }
}
