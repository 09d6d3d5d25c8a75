package io.stampede.store;

import io.stampede.core.stats.StatsInterval;
import java.util.List;

/**
 * The child process of {@link KilledRunTest}: records a long synthetic run into the store in the
 * folder given, an interval every 20 ms, and prints "stored N" whenever the writer has committed
 * more, until it is killed. It never finishes on its own.
 */
public final class KilledWriterMain {
    static final long SEED = 42;
    static final int INTERVALS = 10_000;

    private KilledWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        List<StatsInterval> intervals = SyntheticRun.intervals(SEED, 60);
        ResultsStore store = ResultsStore.open(args[0]);
        StoreOutput output = store.output("killed.java");
        output.start(SyntheticRun.INFO);
        int reported = 0;
        for (int i = 0; i < INTERVALS; i++) {
            if (i < intervals.size()) {
                output.onInterval(intervals.get(i));
            }
            Thread.sleep(20);
            int stored = output.intervalsStored();
            if (stored > reported) {
                reported = stored;
                System.out.println("stored " + stored);
                System.out.flush();
            }
        }
    }
}
