package io.stampede.core.stats;

/**
 * Where a transport reports each finished request. Called from many user threads at once;
 * implementations are thread-safe and allocation-free on the success path.
 */
public interface RequestRecorder {
    /**
     * @param method the HTTP method, e.g. "GET"
     * @param name the statistics name (the path, or the name the script gave)
     * @param elapsedNanos from the start of sending to the end of the response body
     * @param contentLength bytes of response body received
     * @param error null for a success, else a short human-readable cause ("HTTP 500", "connection refused")
     */
    void record(String method, String name, long elapsedNanos, long contentLength, String error);
}
