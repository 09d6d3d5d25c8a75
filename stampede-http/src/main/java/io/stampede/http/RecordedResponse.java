package io.stampede.http;

import io.stampede.CaughtResponse;
import io.stampede.Json;
import io.stampede.core.stats.RequestRecorder;
import java.nio.charset.StandardCharsets;

/**
 * A response (or the error in its place) and its one sample. A plain send records at once; a caught
 * one ({@code catchResponse}) records at {@link #close()}, as the script decided.
 */
final class RecordedResponse implements CaughtResponse {
    private static final byte[] EMPTY = new byte[0];

    private final RawResponse raw;
    private final String transportError;
    private final long elapsedNanos;
    private final String method;
    private final String name;
    private final RequestRecorder recorder;
    private String decision;
    private boolean decided;
    private boolean recorded;
    private Json json;

    RecordedResponse(RawResponse raw, String transportError, long elapsedNanos, String method, String name,
                     RequestRecorder recorder) {
        this.raw = raw;
        this.transportError = transportError;
        this.elapsedNanos = elapsedNanos;
        this.method = method;
        this.name = name;
        this.recorder = recorder;
    }

    /** The failure by status and transport alone: "HTTP 503 Service Unavailable", or the transport's words. */
    private String defaultError() {
        if (transportError != null) {
            return transportError;
        }
        if (raw.status() >= 400) {
            return raw.reason() == null || raw.reason().isEmpty() ? "HTTP " + raw.status() : "HTTP " + raw.status() + ' ' + raw.reason();
        }
        return null;
    }

    void record() {
        if (recorded || recorder == null) {
            return;
        }
        recorded = true;
        recorder.record(method, name, elapsedNanos, raw == null ? 0 : raw.body().length, decided ? decision : defaultError());
    }

    @Override
    public int status() {
        return raw == null ? 0 : raw.status();
    }

    @Override
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] bytes() {
        return raw == null ? EMPTY : raw.body();
    }

    @Override
    public Json json() {
        if (json == null) {
            json = JacksonJson.parse(bytes());
        }
        return json;
    }

    @Override
    public String header(String headerName) {
        return raw == null ? null : raw.headers().get(headerName);
    }

    @Override
    public boolean ok() {
        return error() == null;
    }

    @Override
    public String error() {
        return decided ? decision : defaultError();
    }

    @Override
    public double elapsedMillis() {
        return elapsedNanos / 1e6;
    }

    @Override
    public void success() {
        decided = true;
        decision = null;
    }

    @Override
    public void failure(String reason) {
        decided = true;
        decision = reason == null || reason.isBlank() ? "failed by script" : reason;
    }

    @Override
    public void close() {
        record();
    }

    @Override
    public String toString() {
        return method + ' ' + name + " -> " + (raw == null ? transportError : String.valueOf(raw.status()));
    }
}
