package io.stampede.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-written HTTP/1.1 exchange against a raw socket server that answers with fixed bytes,
 * sent whole or a few bytes at a time, so that every boundary of the parser is crossed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionTest {

    /** Appended to an answer: the server closes the connection after sending it. */
    private static final String EOF = "<EOF>";

    /** Serves one connection: for each request head it reads, sends the next canned answer in pieces of {@code chunk} bytes. */
    private static ServerSocket serve(int chunk, String... answers) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(() -> {
            try (Socket s = ss.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                s.setTcpNoDelay(true);
                for (String a : answers) {
                    readHead(in);
                    boolean eof = a.endsWith(EOF);
                    byte[] bytes = a.replace(EOF, "").getBytes(StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < bytes.length; i += chunk) {
                        out.write(bytes, i, Math.min(chunk, bytes.length - i));
                        out.flush();
                        if (chunk < bytes.length) {
                            Thread.sleep(1);
                        }
                    }
                    if (eof) {
                        return;
                    }
                }
                readHead(in); // wait for the client to go away
            } catch (IOException | InterruptedException e) {
                // the client closed: done
            }
        });
        return ss;
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof");
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
    }

    private static Connection connect(ServerSocket ss) throws IOException {
        HttpClientConfig config = HttpClientConfig.of("http://127.0.0.1:" + ss.getLocalPort());
        return Connection.open(Endpoint.of(config.baseUri()), config, null);
    }

    private static Outgoing get(String path) {
        return new Outgoing("GET", path, List.of(), null, null, Duration.ofSeconds(5));
    }

    private static String text(RawResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static final String LENGTH = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
    private static final String CHUNKED = "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nX-Id: 7\r\n\r\n"
            + "4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\n";
    private static final String BARE_LF = "HTTP/1.1 404 Not Found\nContent-Length: 2\n\nno";

    @Test
    void parsesLengthChunkedAndBareLineFeedAnswersOnOneKeptAliveConnection() throws Exception {
        for (int chunk : new int[] {1, 3, 7, 4096}) {
            try (ServerSocket ss = serve(chunk, LENGTH, CHUNKED, BARE_LF); Connection c = connect(ss)) {
                RawResponse a = c.exchange(get("/a"), "/a", "test");
                assertThat(a.status()).as("chunk %d", chunk).isEqualTo(200);
                assertThat(text(a)).isEqualTo("hello");
                assertThat(a.headers().get("content-type")).isEqualTo("text/plain");
                RawResponse b = c.exchange(get("/b"), "/b", "test");
                assertThat(b.status()).isEqualTo(201);
                assertThat(text(b)).isEqualTo("Wikipedia  in\r\n\r\nchunks.");
                assertThat(b.headers().get("X-Id")).isEqualTo("7");
                RawResponse d = c.exchange(get("/d"), "/d", "test");
                assertThat(d.status()).isEqualTo(404);
                assertThat(d.reason()).isEqualTo("Not Found");
                assertThat(text(d)).isEqualTo("no");
                assertThat(c.reusable()).isTrue();
            }
        }
    }

    @Test
    void twoAnswersInOneSegmentAreSplitAtTheirBoundary() throws Exception {
        // both answers arrive in one write: the second must stay buffered for the second request
        try (ServerSocket ss = serve(4096, LENGTH + LENGTH.replace("hello", "world"), ""); Connection c = connect(ss)) {
            assertThat(text(c.exchange(get("/1"), "/1", "test"))).isEqualTo("hello");
            assertThat(text(c.exchange(get("/2"), "/2", "test"))).isEqualTo("world");
        }
    }

    @Test
    void aConnectionCloseAnswerIsNotReusedAndATruncatedBodyIsAnError() throws Exception {
        String close = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
        try (ServerSocket ss = serve(4096, close); Connection c = connect(ss)) {
            assertThat(text(c.exchange(get("/"), "/", "test"))).isEqualTo("ok");
            assertThat(c.reusable()).isFalse();
        }
        String truncated = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc" + EOF;
        try (ServerSocket ss = serve(4096, truncated); Connection c = connect(ss)) {
            assertThatThrownBy(() -> c.exchange(get("/"), "/", "test")).isInstanceOf(IOException.class)
                    .hasMessageContaining("expected 10 bytes, got 3");
        }
    }

    @Test
    void aBodyLargerThanTheReadBufferArrivesWhole() throws Exception {
        String big = "x".repeat(100_000) + "end";
        String answer = "HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big;
        for (int chunk : new int[] {1000, 65536}) {
            try (ServerSocket ss = serve(chunk, answer, LENGTH); Connection c = connect(ss)) {
                assertThat(text(c.exchange(get("/big"), "/big", "test"))).isEqualTo(big);
                assertThat(text(c.exchange(get("/after"), "/after", "test"))).isEqualTo("hello");
            }
        }
    }

    @Test
    void aMalformedStatusLineIsNamed() throws Exception {
        try (ServerSocket ss = serve(4096, "SSH-2.0-OpenSSH\r\n\r\n"); Connection c = connect(ss)) {
            assertThatThrownBy(() -> c.exchange(get("/"), "/", "test"))
                    .isInstanceOf(ErrorNames.MalformedResponse.class)
                    .hasMessageContaining("not an HTTP/1.x status line");
        }
    }

    @Test
    void headerValuesAreReadInPlaceWhateverTheirCaseAndSpacing() throws Exception {
        String padded = "HTTP/1.1 200 OK\r\ncontent-LENGTH:   3  \r\nCONNECTION:  Close \r\n\r\nabc";
        try (ServerSocket ss = serve(4096, padded); Connection c = connect(ss)) {
            RawResponse r = c.exchange(get("/"), "/", "test");
            assertThat(text(r)).isEqualTo("abc");
            assertThat(c.reusable()).as("Connection: close in any case").isFalse();
        }
        for (String bad : List.of("12x", "", "-1", "99999999999999999999")) {
            String answer = "HTTP/1.1 200 OK\r\nContent-Length: " + bad + "\r\n\r\n";
            try (ServerSocket ss = serve(4096, answer); Connection c = connect(ss)) {
                assertThatThrownBy(() -> c.exchange(get("/"), "/", "test")).as(bad)
                        .isInstanceOf(ErrorNames.MalformedResponse.class)
                        .hasMessageContaining("Content-Length");
            }
        }
    }

    @Test
    void anHttp10AnswerClosesUnlessItSaysKeepAlive() throws Exception {
        try (ServerSocket ss = serve(4096, "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"); Connection c = connect(ss)) {
            assertThat(text(c.exchange(get("/"), "/", "test"))).isEqualTo("ok");
            assertThat(c.reusable()).as("HTTP/1.0 without keep-alive").isFalse();
        }
        String kept = "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok";
        try (ServerSocket ss = serve(4096, kept, kept); Connection c = connect(ss)) {
            assertThat(text(c.exchange(get("/"), "/", "test"))).isEqualTo("ok");
            assertThat(c.reusable()).as("HTTP/1.0 with keep-alive").isTrue();
            assertThat(text(c.exchange(get("/"), "/", "test"))).isEqualTo("ok");
        }
    }
}
