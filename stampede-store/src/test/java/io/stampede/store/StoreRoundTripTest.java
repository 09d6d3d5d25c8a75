package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs through the output into the embedded H2 file of a results folder, and back, across a reopen. */
@Timeout(60)
class StoreRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void aRunComesBackExactlyAsItWasWritten() throws Exception {
        Path folder = dir.resolve("results");
        long first;
        long second;
        try (ResultsStore store = ResultsStore.open(folder.toString())) {
            assertThat(store.runs()).isEmpty();
            assertThatThrownBy(store::latestId).isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("holds no runs yet");
            first = RoundTrip.check(store, 1);
            second = RoundTrip.check(store, 2);
            assertThat(store.latestId()).isEqualTo(second);
        }
        assertThat(Files.exists(folder.resolve("stampede-results.mv.db"))).isTrue();
        try (ResultsStore again = ResultsStore.open(folder.toString())) {
            assertThat(again.runs()).extracting(RunSummary::id).containsExactly(first, second);
            assertThat(again.load(first).intervals()).containsExactlyElementsOf(SyntheticRun.intervals(1, 25));
            assertThatThrownBy(() -> again.load(99)).isInstanceOf(NoSuchElementException.class)
                    .hasMessage("there is no run 99 in the results store");
        }
    }
}
