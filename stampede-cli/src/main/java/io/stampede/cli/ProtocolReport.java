package io.stampede.cli;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunResult;
import io.stampede.http2.Http2SessionFactory;
import io.stampede.http2.Http2Stats;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which protocol the run's requests went over, for the statistics: a {@code protocol} field (and with
 * {@code --http2}, an {@code http2} object) in the JSON summary, and with --http2 a line under the
 * console's summary. The CSV files keep Locust's columns and say nothing of it. HTTP/1.1 runs get
 * the field only: their console output is as before.
 */
final class ProtocolReport implements Output {
    private final PrintStream console;
    private volatile Http2SessionFactory http2;
    /** A master's: its workers open the connections, so the counts of them are not here. */
    private volatile boolean onWorkers;

    ProtocolReport(PrintStream console) {
        this.console = console;
    }

    /** The run's transport is this HTTP/2 one (null: our HTTP/1.1 transport). */
    void transport(Http2SessionFactory h2) {
        this.http2 = h2;
    }

    /** The run's HTTP/2 is spoken by a master's workers: report the protocol, not this process's (empty) counts. */
    void spokenByWorkers() {
        this.onWorkers = true;
    }

    Map<String, ?> fields() {
        Http2SessionFactory h2 = http2;
        Map<String, Object> m = new LinkedHashMap<>();
        if (h2 == null) {
            m.put("protocol", "HTTP/1.1");
            return m;
        }
        Http2Stats s = h2.stats();
        m.put("protocol", Http2SessionFactory.PROTOCOL);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("mode", h2.mode());
        if (onWorkers) {
            detail.put("spoken_by", "workers");
            m.put("http2", detail);
            return m;
        }
        detail.put("responses", s.responses());
        detail.put("connections", s.connections());
        detail.put("peak_streams_per_connection", s.peakStreamsPerConnection());
        m.put("http2", detail);
        return m;
    }

    @Override
    public void finish(RunResult result) {
        Http2SessionFactory h2 = http2;
        if (h2 == null) {
            return;
        }
        if (onWorkers) {
            console.printf("Protocol: %s, %s, spoken by the workers%n", Http2SessionFactory.PROTOCOL, h2.mode());
            console.flush();
            return;
        }
        Http2Stats s = h2.stats();
        if (s.connections() == 0) {
            console.printf("Protocol: %s, %s: no connection was made%n", Http2SessionFactory.PROTOCOL, h2.mode());
            return;
        }
        console.printf("Protocol: %s, %s: %,d responses over %,d connection%s, at most %d concurrent stream%s on one%n",
                Http2SessionFactory.PROTOCOL, h2.mode(), s.responses(), s.connections(), s.connections() == 1 ? "" : "s",
                s.peakStreamsPerConnection(), s.peakStreamsPerConnection() == 1 ? "" : "s");
        console.flush();
    }
}
