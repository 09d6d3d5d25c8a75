package com.example;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;

/** The scenario: list (weight 3) and post (weight 1), 10 ms apart. */
public class ShopUser extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constant(0.01);
    }

    @Task(3)
    void list() {
        check("list answers 200", client.get("/fast").status() == 200);
    }

    @Task(1)
    void post() {
        client.post("/echo", "{\"item\":7}");
    }
}
