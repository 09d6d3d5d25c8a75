package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.time.Clock;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The success path of {@link StatsRegistry#record} allocates nothing (RecordSampleBenchmark measures
 * the same with -prof gc); a failure may allocate, once per new error in an interval.
 */
class RecordAllocationTest {
    private static final int CALLS = 20_000;

    @Test
    void recordingASuccessAllocatesNothing() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "alloc");
        StatsCollector collector = new StatsCollector(registry, Clock.SYSTEM);
        for (int round = 0; round < 3; round++) { // warm up, and flip so both accumulators have seen the values
            recordSuccesses(registry);
            collector.next(1);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        recordSuccesses(registry);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Even 8 bytes a call would be 160 kB; the slack is for the measuring call itself.
        assertThat(allocated).as("bytes allocated by %d successful records", CALLS).isLessThan(1_024);
    }

    private static void recordSuccesses(StatsRegistry registry) {
        for (int i = 0; i < CALLS; i++) {
            registry.record("GET", "/api/v1/products/", 1_000_000L + (i & 1023) * 1_000L, 512, null);
        }
    }
}
