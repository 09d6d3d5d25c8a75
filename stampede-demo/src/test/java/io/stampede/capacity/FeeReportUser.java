package io.stampede.capacity;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;

/**
 * The demo API's slow endpoint, as in examples/capacity: each user logs in once, then asks for the
 * fee report of a random term once a second. Behind a pool of N connections and a report that holds
 * one for D seconds, throughput cannot pass N / D, however many users come.
 */
public class FeeReportUser extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constantPacing(1.0);
    }

    @Override
    protected void onStart() {
        String token = client.post("/api/v1/auth/token/", "{\"email\":\"demo@example.com\",\"password\":\"demo\"}")
                .json().get("access").asText();
        client.defaultHeader("Authorization", "Bearer " + token);
    }

    @Task
    void report() {
        client.request("GET", "/api/v1/reports/fees?term=" + (1 + random().nextInt(100)))
                .name("/api/v1/reports/fees").send();
    }
}
