package io.stampede.cluster;

import java.time.Duration;

/** The cluster's liveness rules, the same on both sides. */
final class Heartbeats {
    /** Each side sends a heartbeat this often (a worker's intervals go at the same pace). */
    static final Duration EVERY = Duration.ofSeconds(1);
    /** A peer silent for longer is gone: five missed heartbeats is no hiccup of a busy JVM. */
    static final Duration LOST_AFTER = Duration.ofSeconds(5);
    /** How long a worker waits for Welcome after its Hello, and a master for Hello after a connection. */
    static final Duration HANDSHAKE = Duration.ofSeconds(10);
    /** HTTP/2 pings under the stream find a dead connection that sends no error (a cable pulled). */
    static final Duration KEEPALIVE = Duration.ofSeconds(10);

    private Heartbeats() {
    }
}
