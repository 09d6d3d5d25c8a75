package io.stampede.store;

import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsIntervalCodec;
import java.util.List;

/**
 * One final {@link EntryStats}, histogram and exact extremes included, as bytes: a one-entry interval
 * in {@link StatsIntervalCodec}'s versioned form. Reusing the interval codec keeps a single binary
 * format (and its version check) for everything the store holds.
 */
final class EntryCodec {
    private EntryCodec() {
    }

    static byte[] encode(EntryStats entry) {
        return StatsIntervalCodec.encode(new StatsInterval(0, "", 0, 0, 0, List.of(entry), List.of(), List.of(),
                List.of()));
    }

    static EntryStats decode(byte[] bytes) {
        List<EntryStats> entries = StatsIntervalCodec.decode(bytes).entries();
        if (entries.size() != 1) {
            throw new IllegalArgumentException("a stored entry holds " + entries.size() + " entries, not 1");
        }
        return entries.get(0);
    }
}
