package io.stampede.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.report.JsonSummary;
import io.stampede.report.LocustCsv;
import java.util.ArrayList;
import java.util.List;

/**
 * The output that keeps what the page shows: the latest statistics, the charts' history (bounded,
 * see {@link ChartHistory}), the stats history download (bounded, {@link HistoryRows}), failures,
 * exceptions, arrival figures, and the last result with its thresholds. It pushes an update to
 * every connected browser each interval without ever waiting for one, and it never throws into
 * the run driver: a problem of its own is kept and shown on the page instead.
 *
 * <p>The driver calls it from its one thread; the web server reads it from its own threads. The
 * mutable parts are guarded by one lock, held only to copy or append, never while sending.
 */
public final class WebOutput implements Output {
    private final Object lock = new Object();
    private final ChartHistory chart;
    private final HistoryRows history;
    private final LiveStream stream = new LiveStream();
    /** Points taken since the last update was published (usually one). */
    private final List<ChartPoint> unsent = new ArrayList<>();
    private volatile RunView view = RunView.NONE;
    private volatile WebControl control = NoControl.INSTANCE;
    private volatile String problem;
    private boolean arrivalRun;
    private ArrivalStats lastArrival;
    private long lastArrivalMillis;

    public WebOutput() {
        this(ChartHistory.DEFAULT_CAPACITY, HistoryRows.DEFAULT_CAPACITY);
    }

    WebOutput(int chartPoints, int historyLines) {
        this.chart = new ChartHistory(chartPoints);
        this.history = new HistoryRows(historyLines);
    }

    @Override
    public String name() {
        return "web UI";
    }

    /** The server tells whose state, host and users the documents show. */
    void bind(WebControl c) {
        control = c;
    }

    WebControl control() {
        return control;
    }

    @Override
    public void start(RunInfo info) {
        guarded(() -> {
            synchronized (lock) {
                chart.clear();
                history.clear();
                unsent.clear();
                arrivalRun = false;
                lastArrival = null;
                lastArrivalMillis = info.startEpochMillis();
                view = RunView.started(info);
                // every open page starts its charts again
                if (!stream.isEmpty()) {
                    stream.publish(historyFrame(List.of(), view));
                }
            }
        });
    }

    @Override
    public void onInterval(StatsInterval interval) {
        guarded(() -> {
            synchronized (lock) {
                ChartPoint p = ChartPoint.of(interval);
                chart.add(p);
                unsent.add(p);
            }
        });
    }

    @Override
    public void onSnapshot(StatsSnapshot snapshot) {
        guarded(() -> {
            synchronized (lock) {
                view = view.withLatest(snapshot);
                history.add(LocustCsv.historyRows(snapshot, false));
                // an arrival run's update waits for its arrival figures, which come right after
                if (!arrivalRun) {
                    publishUpdate();
                }
            }
        });
    }

    @Override
    public void onArrival(ArrivalStats arrival, StatsSnapshot uncorrected) {
        guarded(() -> {
            synchronized (lock) {
                long now = view.latest().epochMillis();
                long before = lastArrival == null ? 0 : lastArrival.scheduled();
                double seconds = Math.max(1, now - lastArrivalMillis) / 1000.0;
                double rate = (arrival.scheduled() - before) / seconds;
                lastArrival = arrival;
                lastArrivalMillis = now;
                arrivalRun = true;
                ChartPoint last = chart.last();
                if (last != null && !unsent.isEmpty() && unsent.get(unsent.size() - 1) == last) {
                    ChartPoint withRate = last.withIntendedRps(rate);
                    chart.replaceLast(withRate);
                    unsent.set(unsent.size() - 1, withRate);
                }
                view = view.withArrival(arrival, uncorrected, rate);
                publishUpdate();
            }
        });
    }

    @Override
    public void finish(RunResult result) {
        guarded(() -> {
            synchronized (lock) {
                view = view.finished(result);
                history.add(LocustCsv.historyRows(result.stats(), false));
                publishUpdate();
            }
        });
    }

    /** Connects a browser: its first frame is the whole run so far, then one update per interval. */
    LiveClient connect() {
        synchronized (lock) {
            // the unsent points come in the next update; leaving them out here sends each point once
            List<ChartPoint> points = chart.points();
            List<ChartPoint> sent = List.copyOf(points.subList(0, Math.max(0, points.size() - unsent.size())));
            return stream.connect(historyFrame(sent, view));
        }
    }

    void disconnect(LiveClient c) {
        stream.disconnect(c);
    }

    /** Tells every browser the run's state now (called when it changes, between intervals too). */
    void publishState() {
        if (!stream.isEmpty()) {
            stream.publish(Frame.of("state", StatsJson.MAPPER.createObjectNode()
                    .put("state", control.state().locustName()).put("user_count", StatsJson.userCount(view, control))
                    .put("target_users", control.targetUsers()).put("host", control.host())
                    .put("stop_reason", view.result() == null ? null : view.result().stopReason()).toString()));
        }
    }

    /** Ends every browser's connection (the server is closing). */
    void closeStreams() {
        stream.closeAll();
    }

    int connectedBrowsers() {
        return stream.size();
    }

    long droppedBrowsers() {
        return stream.droppedCount();
    }

    RunView view() {
        return view;
    }

    String problem() {
        return problem;
    }

    int chartPoints() {
        synchronized (lock) {
            return chart.size();
        }
    }

    List<ChartPoint> chartHistory() {
        synchronized (lock) {
            return chart.points();
        }
    }

    int historyLines() {
        synchronized (lock) {
            return history.size();
        }
    }

    /** The stats history document: Locust's header, then one Aggregated line per kept interval. */
    String historyCsv() {
        synchronized (lock) {
            return LocustCsv.historyHeader() + history.text();
        }
    }

    /** The JSON summary, as the command line's {@code --json-file} writes it: final, or the run so far. */
    String summaryJson() {
        return JsonSummary.text(view.resultSoFar());
    }

    ObjectNode requestsDocument() {
        io.stampede.core.run.RunState state = control.state();
        ObjectNode doc = StatsJson.requests(view, state, control);
        if (problem != null) {
            doc.put("web_ui_problem", problem);
        }
        return doc;
    }

    private void publishUpdate() {
        if (stream.isEmpty()) {
            unsent.clear();
            return;
        }
        ObjectNode msg = StatsJson.MAPPER.createObjectNode();
        msg.set("points", StatsJson.points(unsent));
        msg.set("stats", requestsDocument());
        unsent.clear();
        stream.publish(Frame.of("update", msg.toString()));
    }

    private Frame historyFrame(List<ChartPoint> points, RunView v) {
        WebControl c = control;
        return Frame.lazy("history", () -> {
            ObjectNode msg = StatsJson.MAPPER.createObjectNode();
            msg.set("points", StatsJson.points(points));
            ObjectNode stats = StatsJson.requests(v, c);
            msg.set("stats", stats);
            return msg.toString();
        });
    }

    /** Whatever goes wrong here is kept for the page; the run and the other outputs go on. */
    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError e) {
            problem = "the web UI missed an update: " + e;
        }
    }
}
