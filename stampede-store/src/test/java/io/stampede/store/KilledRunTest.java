package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stampede.core.stats.StatsInterval;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose process is killed with SIGKILL mid-way (no finish, no shutdown hook, H2 not closed):
 * on the next open the database opens fine, the run is listed incomplete, and it keeps every
 * interval its writer had committed, decoded equal. A new run is stored after it as usual. While
 * the child lives, the H2 file is its own: another process is told so in one line.
 */
@Timeout(120)
class KilledRunTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRunIsListedIncompleteWithTheIntervalsItStored() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                KilledWriterMain.class.getName(), dir.toString()))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (committed < 8 && (line = out.readLine()) != null) {
                if (line.startsWith("stored ")) {
                    committed = Integer.parseInt(line.substring(7));
                }
            }
            assertThat(committed).as("the child stored intervals before it was killed").isGreaterThanOrEqualTo(8);
            assertThatThrownBy(() -> ResultsStore.open(dir.toString())).isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("cannot open the results store " + dir.resolve("stampede-results.mv.db") + ": another"
                            + " process has it open (an H2 file serves one process at a time; use PostgreSQL to share a store)");
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (ResultsStore store = ResultsStore.open(dir.toString())) {
            RunSummary killed = store.runs().get(0);
            assertThat(killed.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(killed.stopReason()).isEqualTo(AbandonedRuns.REASON);
            assertThat(killed.scenario()).isEqualTo("killed.java");
            assertThat(killed.endedEpochMillis()).isPositive();

            StoredRun run = store.load(killed.id());
            List<StatsInterval> expected = SyntheticRun.intervals(KilledWriterMain.SEED, 60);
            assertThat(run.intervals().size()).as("every committed interval survived").isGreaterThanOrEqualTo(committed);
            assertThat(run.intervals()).containsExactlyElementsOf(expected.subList(0, run.intervals().size()));
            // without final statistics, the run's totals are the sum of what was stored
            assertThat(run.entries()).containsExactlyElementsOf(SyntheticRun.fold(run.intervals()).entries());
            assertThat(killed.requests()).isEqualTo(run.total().count());
            assertThat(run.thresholds()).isEmpty();

            // the database is whole: the next run is stored and read back as usual
            long next = RoundTrip.check(store, 3);
            assertThat(next).isGreaterThan(killed.id());
            assertThat(store.runs()).extracting(RunSummary::status).containsExactly(RunStatus.INCOMPLETE, RunStatus.COMPLETE);
        }
    }
}
