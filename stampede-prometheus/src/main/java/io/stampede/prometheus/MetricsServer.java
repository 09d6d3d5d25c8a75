package io.stampede.prometheus;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;

/**
 * Serves GET /metrics for headless runs (--metrics-port): the Prometheus client's own HTTP server
 * over {@link PrometheusOutput#registry()}, so a scraper gets the format it asks for (the text
 * format, OpenMetrics or protobuf), gzip, and {@code /-/healthy}. Its threads are daemons.
 */
public final class MetricsServer implements AutoCloseable {
    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * Starts serving now.
     *
     * @param bindHost the address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for a
     *                 Prometheus elsewhere
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @throws MetricsPortInUseException when the port is taken
     * @throws UncheckedIOException when the server cannot start for another reason (an unknown host)
     */
    public static MetricsServer start(String bindHost, int port, PrometheusOutput output) {
        try {
            // explicit defaults: the client would otherwise read prometheus.properties files and
            // system properties, and a run's metrics should not change with what is lying around
            HTTPServer server = HTTPServer.builder(PrometheusProperties.builder().build())
                    .hostname(bindHost)
                    .port(port)
                    .registry(output.registry())
                    .buildAndStart();
            return new MetricsServer(server);
        } catch (BindException e) {
            throw new MetricsPortInUseException(bindHost, port, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + bindHost + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on (the one chosen when started with 0). */
    public int port() {
        return server.getPort();
    }

    /** Stops serving; scrapes in progress are cut. */
    @Override
    public void close() {
        server.close();
    }
}
