package io.stampede.http;

import io.stampede.HttpSession;
import io.stampede.RequestBuilder;
import io.stampede.Response;
import io.stampede.core.stats.RequestRecorder;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayList;
import java.util.List;

/**
 * One user's client: builds requests, hands them to its {@link Exchanger}, times them and records
 * one sample each. Not thread-safe: a session belongs to one user.
 */
final class ExchangeSession implements HttpSession, AutoCloseable {
    private final Exchanger exchanger;
    private final RequestRecorder recorder;
    private final HttpClientConfig config;
    private final List<String> defaults = new ArrayList<>(2);

    ExchangeSession(Exchanger exchanger, RequestRecorder recorder, HttpClientConfig config) {
        this.exchanger = exchanger;
        this.recorder = recorder;
        this.config = config;
    }

    @Override
    public Response get(String path) {
        return request("GET", path).send();
    }

    @Override
    public Response post(String path, String jsonBody) {
        return request("POST", path).body(jsonBody).send();
    }

    @Override
    public Response put(String path, String jsonBody) {
        return request("PUT", path).body(jsonBody).send();
    }

    @Override
    public Response delete(String path) {
        return request("DELETE", path).send();
    }

    @Override
    public RequestBuilder request(String method, String path) {
        return new RequestSpec(this, method, path);
    }

    @Override
    public HttpSession defaultHeader(String name, String value) {
        for (int i = 0; i < defaults.size(); i += 2) {
            if (defaults.get(i).equalsIgnoreCase(name)) {
                defaults.set(i + 1, value);
                return this;
            }
        }
        defaults.add(name);
        defaults.add(value);
        return this;
    }

    /** Sends and times one request; the sample is recorded by the caller (now, or when a caught response closes). */
    RecordedResponse exchange(RequestSpec spec) {
        List<String> headers = spec.headers();
        if (!defaults.isEmpty()) {
            headers = new ArrayList<>(defaults);
            headers.addAll(spec.headers());
        }
        Outgoing out = new Outgoing(spec.method(), spec.target(), headers, spec.body(), spec.contentType(),
                spec.timeout() != null ? spec.timeout() : config.readTimeout());
        long start = System.nanoTime();
        try {
            RawResponse raw = exchanger.exchange(out);
            return new RecordedResponse(raw, null, System.nanoTime() - start, spec.method(), spec.statsName(), recorder);
        } catch (InterruptedException | ClosedByInterruptException e) {
            return interrupted(spec, start);
        } catch (Exception | LinkageError e) {
            // a LinkageError: the JDK's own I/O machinery failed (its poller cannot start without a free
            // file, say); the request may have reached the server, so it is a failure, not a lost request.
            // A SocketTimeoutException is an InterruptedIOException too, but a real measurement.
            if (Thread.currentThread().isInterrupted()
                    || e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)) {
                return interrupted(spec, start);
            }
            String own = exchanger.failureName(e);
            String error = own != null ? own
                    : ErrorNames.of(e, exchanger.failedConnecting(), config, out.readTimeout(), hostOf(spec.target()));
            return new RecordedResponse(null, error, System.nanoTime() - start, spec.method(), spec.statsName(), recorder);
        }
    }

    /** A user being force-stopped: what it was doing is not a measurement, so nothing is recorded. */
    private RecordedResponse interrupted(RequestSpec spec, long start) {
        Thread.currentThread().interrupt();
        return new RecordedResponse(null, ErrorNames.INTERRUPTED, System.nanoTime() - start, spec.method(), spec.statsName(), null);
    }

    private String hostOf(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return java.net.URI.create(target).getHost();
        }
        return config.baseUri().getHost();
    }

    @Override
    public void close() {
        exchanger.close();
    }
}
