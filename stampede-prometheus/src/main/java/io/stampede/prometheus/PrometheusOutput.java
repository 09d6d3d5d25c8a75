package io.stampede.prometheus;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.run.RunState;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Keeps Prometheus metrics of everything the run driver hands it; thread-safe for scrapes while the
 * driver updates it. Give one instance to every run of the process's driver: its counters add each
 * interval once, so they only ever grow, across "reset statistics" and new runs alike (Prometheus'
 * {@code rate()} expects that). The metrics are listed in docs/prometheus.md.
 *
 * <p>The web UI serves {@link #scrape()} on its {@code /metrics}; a headless run serves it with
 * {@link MetricsServer}. Both read the same {@link #registry()}.
 */
public final class PrometheusOutput implements Output {
    private final RunTotals totals = new RunTotals();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();

    /**
     * Both suppliers are read at each scrape, on the scraping thread, so they must be safe to call
     * from any thread ({@code RunDriver::state} is).
     *
     * @param state the driver's state now; null sets no state to 1 (before a driver exists, say)
     * @param targetUsers the users asked for now
     */
    public PrometheusOutput(Supplier<RunState> state, IntSupplier targetUsers) {
        registry.register(new StampedeCollector(totals, Objects.requireNonNull(state), Objects.requireNonNull(targetUsers)));
    }

    @Override
    public String name() {
        return "Prometheus metrics";
    }

    @Override
    public void start(RunInfo info) {
        totals.runStarted();
    }

    @Override
    public void onInterval(StatsInterval interval) {
        totals.add(interval);
    }

    /** The cumulative snapshot is not used: it goes back to zero on a reset, and counters must not. */
    @Override
    public void onSnapshot(StatsSnapshot snapshot) {
    }

    @Override
    public void onArrival(ArrivalStats arrival, StatsSnapshot uncorrected) {
        totals.arrival(arrival);
    }

    @Override
    public void finish(RunResult result) {
        totals.runFinished(result.arrival());
    }

    /** The Prometheus text exposition format (0.0.4) of all metrics now. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            text.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The registry holding Stampede's metrics: for an exporter, or to add the process's own metrics to. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** The text format's content type, for a server answering with {@link #scrape()}. */
    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
