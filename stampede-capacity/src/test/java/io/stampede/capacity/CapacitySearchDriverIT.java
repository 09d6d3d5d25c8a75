package io.stampede.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.output.RunInfo;
import io.stampede.core.run.LoadTarget;
import io.stampede.core.run.RunDriver;
import io.stampede.core.run.RunState;
import io.stampede.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The search on a real driver over a made-up system: the targets it gives, and a stop from outside. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CapacitySearchDriverIT {
    private static final RunInfo INFO = new RunInfo("http://127.0.0.1:1", List.of("Fake"), "", 0);

    private static SearchSettings settings() {
        return new SearchSettings(new LoadModel.Closed(), 5, Duration.ofSeconds(1), 40, List.of());
    }

    @Test
    void theDriverGetsThePlannersLoadsAndTheRunIsStoppedAtTheEnd() throws Exception {
        PoolController system = new PoolController(200);
        List<String> progress = new CopyOnWriteArrayList<>();
        try (RunDriver driver = new RunDriver(system, List.of(), Clock.SYSTEM, Duration.ofMillis(50), l -> { })) {
            CapacityReport r = new CapacitySearch(driver, settings(), INFO, progress::add).run();
            // 10 requests/s per user up to 200/s: flat from 20 users, so the limit is below them
            assertThat(system.targets).extracting(t -> ((LoadTarget.Users) t).users())
                    .containsExactly(5, 10, 20, 40, 15, 17, 18);
            assertThat(r.highestGood()).as(r.render()).isEqualTo(18);
            assertThat(r.plateau().maxRps()).as(r.render()).isCloseTo(200, org.assertj.core.data.Offset.offset(10.0));
            assertThat(progress).hasSize(7).first().asString().startsWith("explore 5 users: ");
            assertThat(driver.state()).isEqualTo(RunState.STOPPED);
            assertThat(r.runRequests()).isEqualTo(driver.latest().total().count());
        }
    }

    @Test
    void aRunStoppedFromOutsideEndsTheSearchWithWhatItMeasured() throws Exception {
        PoolController system = new PoolController(200);
        List<String> progress = new CopyOnWriteArrayList<>();
        try (RunDriver driver = new RunDriver(system, List.of(), Clock.SYSTEM, Duration.ofMillis(50), l -> { })) {
            CompletableFuture<CapacityReport> search = CompletableFuture.supplyAsync(() -> {
                try {
                    return new CapacitySearch(driver, settings(), INFO, progress::add).run();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 200 && progress.size() < 2; i++) {
                Thread.sleep(20);
            }
            driver.stop("interrupted");
            CapacityReport r = search.get(30, TimeUnit.SECONDS);
            assertThat(r.stopReason()).isEqualTo("the run ended before the search did: interrupted");
            assertThat(r.steps()).hasSizeBetween(2, 3);
            assertThat(driver.state()).isEqualTo(RunState.STOPPED);
        }
    }
}
