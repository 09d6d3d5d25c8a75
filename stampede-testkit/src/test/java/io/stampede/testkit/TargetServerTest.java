package io.stampede.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test server's own counts, which every other module's tests take as the truth. */
@Timeout(120)
class TargetServerTest {
    /** One GET on a fresh connection, read to the end (the server closes after answering). */
    private static String get(TargetServer server, String path) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void countsEachRequestByMethodAndPathAndEachConnection() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            assertThat(get(server, "/fast?x=1")).startsWith("HTTP/1.1 200 OK").endsWith("ok");
            assertThat(get(server, "/status/503")).startsWith("HTTP/1.1 503 Service Unavailable");
            assertThat(get(server, "/fast")).startsWith("HTTP/1.1 200 OK");
            assertThat(server.requestCount("GET", "/fast")).isEqualTo(2);
            assertThat(server.requestCount("GET", "/status/503")).isEqualTo(1);
            assertThat(server.requestCount()).isEqualTo(3);
            assertThat(server.connectionCount()).isEqualTo(3);
            server.reset();
            assertThat(server.requestCount()).isZero();
            assertThat(server.connectionCount()).isZero();
        }
    }

    @Test
    void afterCatchUpAConnectionJustMadeIsCountedAndTheCatchUpItselfIsNot() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.catchUp();
            assertThat(server.connectionCount()).isZero();
            assertThat(server.requestCount()).isZero();
            for (int i = 0; i < 20; i++) {
                // connect and leave at once, as a reachability check does: accepted on the server's own time
                new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
                server.catchUp();
                assertThat(server.connectionCount()).as("round %d", i).isEqualTo(i + 1);
            }
            assertThat(server.requestCount()).isZero();
        }
    }
}
