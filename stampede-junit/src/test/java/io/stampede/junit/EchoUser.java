package io.stampede.junit;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;

/** A scenario for these tests: POST /echo, and a check that always fails, named in the failure. */
public class EchoUser extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constant(0.01);
    }

    @Task
    void echo() {
        String body = client.post("/echo", "{\"n\":1}").text();
        check("echo says hello", body.contains("hello"));
    }
}
