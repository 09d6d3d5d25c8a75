package io.stampede.junit;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;

/** A scenario for these tests: GET /fast, a check on its status, 10 ms between requests. */
public class FastUser extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constant(0.01);
    }

    @Task
    void fast() {
        check("fast answers 200", client.get("/fast").status() == 200);
    }
}
