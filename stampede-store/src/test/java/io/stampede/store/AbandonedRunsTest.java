package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which "running" rows opening a store gives up on: a writer on this host that is gone at once; one
 * on another host only once its heartbeat is stale; a live writer never.
 */
@Timeout(60)
class AbandonedRunsTest {
    @TempDir
    Path dir;

    @Test
    void onlyRunsWhoseWriterIsGoneAreMarkedIncomplete() throws Exception {
        long now = System.currentTimeMillis();
        long goneHere;
        long freshElsewhere;
        long staleElsewhere;
        long alive;
        try (ResultsStore store = ResultsStore.open(dir.toString())) {
            StoreOutput live = store.output("live.java");
            live.start(SyntheticRun.INFO);
            alive = live.runId();
            goneHere = insert(store, new WriterId(deadPid(), WriterId.current().host()), now);
            freshElsewhere = insert(store, new WriterId(1, "elsewhere"), now - 5_000);
            staleElsewhere = insert(store, new WriterId(1, "elsewhere"), now - AbandonedRuns.STALE_AFTER_MILLIS - 1_000);
            try (ResultsStore other = ResultsStore.open(dir.toString())) {
                assertThat(other.runs()).extracting(RunSummary::id, RunSummary::status).containsExactly(
                        tuple(alive, RunStatus.RUNNING),
                        tuple(goneHere, RunStatus.INCOMPLETE),
                        tuple(freshElsewhere, RunStatus.RUNNING),
                        tuple(staleElsewhere, RunStatus.INCOMPLETE));
                assertThat(other.runs().get(3).endedEpochMillis()).as("ended at its last heartbeat")
                        .isEqualTo(now - AbandonedRuns.STALE_AFTER_MILLIS - 1_000);
            }
            live.finish(SyntheticRun.result(List.of()));
            assertThat(store.load(alive).summary().status()).isEqualTo(RunStatus.COMPLETE);
        }
    }

    /** A row as a writer with that identity and last heartbeat would have left it. */
    private long insert(ResultsStore store, WriterId writer, long heartbeat) throws Exception {
        long id;
        // The same file through a second connection: H2 shares one open database within a process.
        try (Connection c = DriverManager.getConnection(StoreLocation.of(dir.toString()).jdbcUrl())) {
            id = RunRows.insert(c, SyntheticRun.INFO, "other.java", writer, heartbeat);
        }
        assertThat(store.load(id).summary().status()).isEqualTo(RunStatus.RUNNING);
        return id;
    }

    /** The pid of a process that has just ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        p.waitFor();
        return p.pid();
    }
}
