package io.stampede.http;

import java.io.IOException;

/**
 * The transport under a session: sends one request, returns the raw response, or throws what went
 * wrong. Implementations: {@link SocketExchanger} (ours) and {@link JdkExchanger} (java.net.http),
 * compared in bench/.
 */
interface Exchanger extends AutoCloseable {
    RawResponse exchange(Outgoing request) throws IOException, InterruptedException;

    /** Whether the failure happened while connecting (for naming timeouts). */
    default boolean failedConnecting() {
        return false;
    }

    @Override
    void close();
}
