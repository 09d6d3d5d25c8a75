package io.stampede.prometheus;

import java.io.UncheckedIOException;
import java.net.BindException;

/**
 * The metrics port is taken (another run, another exporter). Its message is one line a CLI can print
 * as it is; it is an {@link UncheckedIOException} like the server's other start-up failures.
 */
public final class MetricsPortInUseException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    MetricsPortInUseException(String host, int port, BindException cause) {
        super("cannot serve metrics on " + host + ":" + port + ": the port is in use (choose another --metrics-port)", cause);
    }
}
