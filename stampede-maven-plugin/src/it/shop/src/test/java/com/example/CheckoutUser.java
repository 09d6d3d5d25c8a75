package com.example;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;

/** A scenario whose check fails: the server echoes the order back and never gives it an id. */
public class CheckoutUser extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constant(0.01);
    }

    @Task
    void order() {
        check("order gets an id", client.post("/echo", "{\"item\":7}").text().contains("\"id\""));
    }
}
