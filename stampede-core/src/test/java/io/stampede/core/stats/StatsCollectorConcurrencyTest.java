package io.stampede.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StatsCollectorConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int EACH = 30_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void intervalsTakenWhileWritersWriteAddUpToEverythingRecorded() throws Exception {
        StatsRegistry registry = new StatsRegistry(Clock.SYSTEM, "n");
        StatsCollector collector = new StatsCollector(registry, Clock.SYSTEM);
        List<StatsInterval> intervals = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch flipping = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                intervals.add(collector.next(WRITERS));
                flipping.countDown();
            }
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    flipping.await();
                    for (int i = 0; i < EACH; i++) {
                        if (i % 1000 == 0) {
                            Thread.yield(); // let the reader flip between bursts, even on few cores
                        }
                        String error = i % 5 == 0 ? "HTTP 50" + (i % 3) : null;
                        registry.record("GET", "/c" + (i + writer) % 4, 1_000L + i, 1, error);
                        if (i % 7 == 0) {
                            registry.recordCheck("check" + i % 2, i % 3 != 0);
                        }
                        if (i % 101 == 0) {
                            registry.recordException(new IllegalStateException("boom"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            writing.set(false);
            reader.join();
        }
        intervals.add(collector.next(0));

        long recorded = (long) WRITERS * EACH;
        long failures = WRITERS * countOf(EACH, i -> i % 5 == 0);
        assertThat(intervals.stream().filter(i -> !i.entries().isEmpty()).count())
                .as("intervals with samples: the flips happened while writers wrote").isGreaterThan(1);
        assertThat(intervals.stream().mapToLong(i -> i.total().count()).sum()).isEqualTo(recorded);
        assertThat(intervals.stream().mapToLong(i -> i.total().failures()).sum()).isEqualTo(failures);
        for (StatsInterval i : intervals) {
            // Errors are flipped with the samples they belong to: an interval's rows match its failures.
            assertThat(i.errors().stream().mapToLong(ErrorStats::occurrences).sum()).isEqualTo(i.total().failures());
        }
        long passes = intervals.stream().flatMap(i -> i.checks().stream()).mapToLong(CheckStats::passes).sum();
        long fails = intervals.stream().flatMap(i -> i.checks().stream()).mapToLong(CheckStats::fails).sum();
        assertThat(passes).isEqualTo(WRITERS * countOf(EACH, i -> i % 7 == 0 && i % 3 != 0));
        assertThat(fails).isEqualTo(WRITERS * countOf(EACH, i -> i % 7 == 0 && i % 3 == 0));
        assertThat(intervals.stream().flatMap(i -> i.exceptions().stream()).mapToLong(ExceptionStats::count).sum())
                .isEqualTo(WRITERS * countOf(EACH, i -> i % 101 == 0));
        StatsSnapshot total = collector.snapshot();
        assertThat(total.total().count()).isEqualTo(recorded);
        assertThat(total.errors().stream().mapToLong(ErrorStats::occurrences).sum()).isEqualTo(failures);
    }

    private static long countOf(int n, java.util.function.IntPredicate p) {
        return java.util.stream.IntStream.range(0, n).filter(p).count();
    }
}
