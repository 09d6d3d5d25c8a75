package io.stampede.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.HttpSession;
import io.stampede.testkit.SelfSigned;
import io.stampede.testkit.TargetServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * https:// against servers on 127.0.0.1 that do not complete a TLS handshake: each failure is named
 * as the handshake's, never as a TCP connect timeout (the TCP connect succeeded).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsHandshakeFailureTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    /** The error one GET over https:// to {@code port} is recorded with. */
    private static String errorOfHttpsGet(int port) {
        HttpClientConfig config = new HttpClientConfig(URI.create("https://127.0.0.1:" + port), CONNECT_TIMEOUT,
                Duration.ofSeconds(5), false, 0, "test");
        List<String> errors = new CopyOnWriteArrayList<>();
        try (SocketSessionFactory factory = new SocketSessionFactory(config)) {
            HttpSession session = factory.open((method, name, elapsedNanos, length, error) -> errors.add(error));
            session.get("/fast");
        }
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    /** A plain server that reads the ClientHello and answers it with {@code answer}, or stays silent when it is null. */
    private static ServerSocket plainServer(String answer) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(() -> {
            try (Socket s = ss.accept()) {
                InputStream in = s.getInputStream();
                in.read(new byte[4096]);
                if (answer != null) {
                    s.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    s.shutdownOutput();
                }
                in.read(new byte[4096]); // until the client goes
            } catch (IOException e) {
                // the client went away: done
            }
        });
        return ss;
    }

    @Test
    void aPlainHttpServerThatAnswersTheClientHelloIsNamedAsSpeakingPlainHttp() throws IOException {
        // what nginx sends when a ClientHello arrives on its plain-HTTP port
        String badRequest = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 11\r\n"
                + "Connection: close\r\n\r\nBad Request";
        try (ServerSocket ss = plainServer(badRequest)) {
            assertThat(errorOfHttpsGet(ss.getLocalPort())).isEqualTo(ErrorNames.PLAIN_HTTP_ANSWER)
                    .isEqualTo("TLS handshake failed: the server answered in plain HTTP");
        }
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeIsAHandshakeTimeoutNotAConnectTimeout() throws IOException {
        try (ServerSocket ss = plainServer(null)) {
            assertThat(errorOfHttpsGet(ss.getLocalPort()))
                    .isEqualTo("TLS handshake timeout after 500ms: the server did not answer the handshake (is it plain HTTP?)");
        }
    }

    @Test
    void theTestkitsPlainHttpServerIsNamedAsAHandshakeFailure() throws IOException {
        // it either waits for the end of a request line in the ClientHello or gives up on it and closes
        try (TargetServer server = TargetServer.start()) {
            assertThat(errorOfHttpsGet(server.port())).startsWith("TLS handshake ").doesNotContain("connect timeout");
        }
    }

    @Test
    void aSelfSignedCertificateIsNamedAsNotTrusted(@TempDir Path dir) throws Exception {
        try (TargetServer server = TargetServer.startTls(SelfSigned.serverContext(dir))) {
            assertThat(errorOfHttpsGet(server.port())).isEqualTo("TLS: server certificate not trusted");
        }
    }
}
