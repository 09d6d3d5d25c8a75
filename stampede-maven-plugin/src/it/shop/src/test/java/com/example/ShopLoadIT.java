package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stampede.junit.LoadResult;
import io.stampede.junit.LoadTest;
import org.junit.jupiter.api.Timeout;

/** The same scenario as a JUnit load test; the target is -Dstampede.host, passed on by Failsafe. */
class ShopLoadIT {
    @Timeout(60)
    @LoadTest(scenario = ShopUser.class, users = 2, spawnRate = 50, runTime = "2s", thresholds = "fail_ratio<0.01")
    void shopHoldsTwoUsers(LoadResult result) {
        assertTrue(result.requests() > 0);
        assertEquals(0, result.failures());
    }
}
