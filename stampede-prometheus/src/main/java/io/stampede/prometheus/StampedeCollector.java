package io.stampede.prometheus;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.stampede.core.run.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Builds every Stampede metric at scrape time, from the totals and the driver's state now: the
 * client's snapshot model is filled from our exact figures instead of observing samples again.
 */
final class StampedeCollector implements MultiCollector {
    private final RunTotals totals;
    private final Supplier<RunState> state;
    private final IntSupplier targetUsers;

    StampedeCollector(RunTotals totals, Supplier<RunState> state, IntSupplier targetUsers) {
        this.totals = totals;
        this.state = state;
        this.targetUsers = targetUsers;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> all = new ArrayList<>(totals.snapshots());
        all.add(gauge(MetricNames.USERS, "Users running (at the end of the last statistics interval)", totals.users()));
        all.add(gauge(MetricNames.TARGET_USERS, "Users asked for now", targetUsers.getAsInt()));
        // every state gets a series, so a query for one state always finds it (0 or 1)
        RunState now = state.get();
        GaugeSnapshot.Builder states = GaugeSnapshot.builder().name(MetricNames.RUN_STATE)
                .help("1 for the run driver's current state (Locust's words), 0 for the others");
        for (RunState s : RunState.values()) {
            states.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("state", s.locustName()))
                    .value(s == now ? 1 : 0).build());
        }
        all.add(states.build());
        return new MetricSnapshots(all);
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help).dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
                .build();
    }
}
