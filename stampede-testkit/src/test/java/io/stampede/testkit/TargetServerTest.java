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

    @Test
    void bindsTheAddressGivenAndCountsRequestsByClientAddress() throws Exception {
        // all of 127.0.0.0/8 is loopback on Linux: a server on .2, clients from .3 and .4
        try (TargetServer server = TargetServer.start(InetAddress.getByName("127.0.0.2"))) {
            assertThat(server.url()).isEqualTo("http://127.0.0.2:" + server.port());
            for (String from : new String[] {"127.0.0.3", "127.0.0.3", "127.0.0.4"}) {
                try (Socket s = new Socket(InetAddress.getByName("127.0.0.2"), server.port(), InetAddress.getByName(from), 0)) {
                    s.setSoTimeout(5_000);
                    s.getOutputStream().write("GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).endsWith("ok");
                }
            }
            server.catchUp(); // from the server's own address, and not counted
            assertThat(server.requestCountsByRemoteAddress()).isEqualTo(java.util.Map.of("127.0.0.3", 2L, "127.0.0.4", 1L));
            server.reset();
            assertThat(server.requestCountsByRemoteAddress()).isEmpty();
        }
    }
}
