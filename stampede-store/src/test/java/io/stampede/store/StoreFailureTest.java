package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.core.stats.StatsInterval;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that fails during a run makes the output throw: on the next interval (the run driver then
 * stops calling it, the other outputs carry on) and on finish, one line each. The run is left
 * incomplete with what was stored before the failure.
 */
@Timeout(60)
class StoreFailureTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsMidRunIsReportedAndTheRunKeptIncomplete() throws Exception {
        List<StatsInterval> intervals = SyntheticRun.intervals(5, 20);
        try (ResultsStore store = ResultsStore.open(dir.toString())) {
            StoreOutput output = store.output("failing.java");
            output.start(SyntheticRun.INFO);
            // From the fourth interval on, every insert breaks a rule the database enforces.
            try (Connection c = DriverManager.getConnection(StoreLocation.of(dir.toString()).jdbcUrl());
                 Statement s = c.createStatement()) {
                s.execute("ALTER TABLE run_intervals ADD CONSTRAINT at_most_three CHECK (ordinal < 3)");
            }
            for (int i = 0; i < 3; i++) {
                output.onInterval(intervals.get(i));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (output.intervalsStored() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(output.intervalsStored()).isEqualTo(3);

            StoreUnavailableException during = null;
            for (int i = 3; i < intervals.size() && during == null; i++) {
                try {
                    output.onInterval(intervals.get(i));
                    Thread.sleep(50); // the writer fails on its own thread, a moment later
                } catch (StoreUnavailableException e) {
                    during = e;
                }
            }
            assertThat(during).as("an interval after the failure throws").isNotNull();
            assertThat(during.getMessage()).startsWith("the results store " + store.description() + " failed during run "
                    + output.runId() + ": ").doesNotContain("\n");

            assertThatThrownBy(() -> output.finish(SyntheticRun.result(intervals)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("the results store " + store.description() + " failed during run")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

            RunSummary run = store.runs().get(0);
            assertThat(run.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(run.stopReason()).startsWith("run time reached; not stored in full: ");
            assertThat(store.load(run.id()).intervals()).containsExactlyElementsOf(intervals.subList(0, 3));
        }
    }
}
