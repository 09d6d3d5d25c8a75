package io.stampede.cli;

import io.stampede.core.stats.ErrorStats;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to do about the failures whose cause a flag or a system setting can remove. The transport
 * names causes only ("out of file descriptors"); the command line knows its own flags, so the
 * advice is said here, once per cause, after the summary.
 */
final class FailureAdvice {
    /** A failure name's beginning, and what to do about it. */
    private static final Map<String, String> ADVICE = Map.of(
            "out of file descriptors", "raise the open-files limit (ulimit -n), or share connections with --max-connections N",
            "out of local ports to ", "share connections with --max-connections N, or give the host more source addresses",
            "TLS: server certificate not trusted", "a self-signed test server? --insecure skips verification",
            "TLS handshake failed: the server answered in plain HTTP", "this port speaks plain HTTP: use http:// in -H",
            "TLS handshake timeout", "a server that never answers the handshake may speak plain HTTP: try http:// in -H",
            "HTTP/2: the server did not", "this server may speak HTTP/1.1 only: run without --http2");

    private FailureAdvice() {
    }

    /** The advice lines for these failures, one per cause, in the order the causes first appear. */
    static List<String> of(List<ErrorStats> errors) {
        Set<String> lines = new LinkedHashSet<>();
        for (ErrorStats e : errors) {
            ADVICE.forEach((start, advice) -> {
                if (e.error().startsWith(start)) {
                    lines.add("'" + e.error() + "': " + advice);
                }
            });
        }
        return List.copyOf(lines);
    }

    static void print(List<ErrorStats> errors, PrintStream err) {
        for (String line : of(errors)) {
            err.println("stampede: " + line);
        }
    }
}
