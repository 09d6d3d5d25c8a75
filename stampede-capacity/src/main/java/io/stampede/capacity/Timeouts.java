package io.stampede.capacity;

import java.util.Locale;

/**
 * Which errors are timeouts: the transport names them "read timeout after 60s" or "connect timeout
 * after 5s", other tools and servers say "timed out". Told apart from other errors because a
 * timeout means the server was still queueing when the client gave up, not that it refused.
 */
final class Timeouts {
    private Timeouts() {
    }

    static boolean named(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return e.contains("timeout") || e.contains("timed out");
    }
}
