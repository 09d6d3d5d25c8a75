package io.stampede.http2;

import io.stampede.core.stats.RequestRecorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the transport recorded: one line per request, "METHOD NAME -> ok" or "-> the error". */
final class Samples implements RequestRecorder {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void record(String method, String name, long elapsedNanos, long contentLength, String error) {
        lines.add(method + " " + name + " -> " + (error == null ? "ok" : error));
    }

    long count(String line) {
        return lines.stream().filter(line::equals).count();
    }
}
