package io.stampede.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The response head alone, read from in-memory answers cut at every byte boundary. */
class HeadParserTest {
    private static final String BODY = "rest";

    /** Parses the head of {@code answer} and checks that what follows it is left for the body. */
    private static HeadParser parse(PiecewiseInput input, String answer) throws IOException {
        ReceiveBuffer in = new ReceiveBuffer(input, 4096);
        HeadParser head = new HeadParser();
        head.read(in);
        String after = answer.substring(answer.length() - BODY.length());
        assertThat(leftOver(in)).as("bytes after the head").isEqualTo(after);
        return head;
    }

    private static String leftOver(ReceiveBuffer in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (in.ensureBuffered()) {
            b.append((char) (in.next() & 0xff));
        }
        return b.toString();
    }

    private static HeadParser parseWhole(String answer) throws IOException {
        return parse(PiecewiseInput.inPiecesOf(answer, 4096), answer);
    }

    @Test
    void everyCutOfAHeadGivesTheSameStatusFramingAndHeaders() throws IOException {
        String answer = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n"
                + "Connection: close\r\n\r\n" + BODY;
        for (int cut = 0; cut <= answer.length(); cut++) {
            HeadParser head = parse(PiecewiseInput.cutAt(answer, cut), answer);
            assertThat(head.status()).as("cut at %d", cut).isEqualTo(404);
            assertThat(head.reason()).isEqualTo("Not Found");
            assertThat(head.contentLength()).isEqualTo(4);
            assertThat(head.chunked()).isFalse();
            assertThat(head.closes()).isTrue();
            assertThat(head.copy().get("content-type")).isEqualTo("text/plain");
        }
        HeadParser byByte = parse(PiecewiseInput.inPiecesOf(answer, 1), answer);
        assertThat(byByte.status()).isEqualTo(404);
    }

    @Test
    void aHeadWithBareLineFeedsEndsAtTheFirstBlankLineWhereverItIsCut() throws IOException {
        String answer = "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nX-Id: 7\n\n" + BODY;
        for (int cut = 0; cut <= answer.length(); cut++) {
            HeadParser head = parse(PiecewiseInput.cutAt(answer, cut), answer);
            assertThat(head.status()).as("cut at %d", cut).isEqualTo(200);
            assertThat(head.chunked()).isTrue();
            assertThat(head.contentLength()).isEqualTo(-1);
            assertThat(head.closes()).isFalse();
            assertThat(head.copy().get("X-Id")).isEqualTo("7");
        }
    }

    @Test
    void interimAnswersAreSkippedButSwitchingProtocolsIsFinal() throws IOException {
        String answer = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\n" + BODY;
        for (int cut = 0; cut <= answer.length(); cut++) {
            assertThat(parse(PiecewiseInput.cutAt(answer, cut), answer).status()).as("cut at %d", cut).isEqualTo(201);
        }
        assertThat(parseWhole("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n" + BODY).status()).isEqualTo(101);
    }

    @Test
    void headerNamesAndValuesAreMatchedInAnyCaseAndSpacing() throws IOException {
        HeadParser head = parseWhole("HTTP/1.1 200 OK\r\ncontent-LENGTH:   4  \r\nCONNECTION:  Close \r\n\r\n" + BODY);
        assertThat(head.contentLength()).isEqualTo(4);
        assertThat(head.closes()).isTrue();
        assertThat(parseWhole("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n" + BODY).chunked()).isTrue();
        assertThat(parseWhole("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n" + BODY).chunked()).isFalse();
        // only letters fold: a CR is not a '-' in any case, though the two differ by the case bit alone
        assertThat(parseWhole("HTTP/1.1 200 OK\r\nContent\rLength: 4\r\n\r\n" + BODY).contentLength()).isEqualTo(-1);
        assertThat(parseWhole("HTTP/1.1 200 OK\r\nCONTENT-length: 4\r\n\r\n" + BODY).contentLength()).isEqualTo(4);
    }

    @Test
    void http10ClosesUnlessItSaysKeepAliveAndHttp11KeepsUnlessItSaysClose() throws IOException {
        assertThat(parseWhole("HTTP/1.0 200 OK\r\n\r\n" + BODY).closes()).isTrue();
        assertThat(parseWhole("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\n\r\n" + BODY).closes()).isFalse();
        assertThat(parseWhole("HTTP/1.1 200 OK\r\n\r\n" + BODY).closes()).isFalse();
        assertThat(parseWhole("HTTP/1.1 200 OK\r\nConnection: keep-alive, Upgrade\r\n\r\n" + BODY).closes()).isFalse();
    }

    @Test
    void aStatusLineWithoutAReasonHasAnEmptyOne() throws IOException {
        assertThat(parseWhole("HTTP/1.1 503\r\n\r\n" + BODY).reason()).isEmpty();
        assertThat(parseWhole("HTTP/1.1 503 \r\n\r\n" + BODY).reason()).isEmpty();
    }

    @Test
    void whatIsNotAnHttpHeadIsNamed() {
        assertMalformed("SSH-2.0-OpenSSH\r\n\r\n", "not an HTTP/1.x status line");
        assertMalformed("HTTP/1.1 2x0 OK\r\n\r\n", "bad status code");
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n", "bad Content-Length");
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "bad Content-Length");
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 9999999999999999999\r\n\r\n", "Content-Length too large");
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Le", "connection closed inside the headers");
        assertMalformed("HTTP/1.1 200 OK\r\nX: " + "y".repeat(70 * 1024), "headers larger than 64 KiB");
    }

    @Test
    void aConnectionClosedBeforeAnyByteIsAnEndOfStreamNotAMalformedAnswer() {
        ReceiveBuffer in = new ReceiveBuffer(PiecewiseInput.inPiecesOf("", 1), 4096);
        assertThatThrownBy(() -> new HeadParser().read(in)).isExactlyInstanceOf(EOFException.class);
    }

    @Test
    void aCopyOfTheHeadOutlivesTheNextAnswer() throws IOException {
        String two = "HTTP/1.1 200 OK\r\nX-N: 1\r\n\r\nHTTP/1.1 200 OK\r\nX-N: 2\r\n\r\n";
        ReceiveBuffer in = new ReceiveBuffer(PiecewiseInput.inPiecesOf(two, 4096), 4096);
        HeadParser head = new HeadParser();
        head.read(in);
        HeadBytes first = head.copy();
        head.read(in);
        assertThat(first.get("x-n")).isEqualTo("1");
        assertThat(head.copy().get("x-n")).isEqualTo("2");
    }

    private static void assertMalformed(String answer, String message) {
        ReceiveBuffer in = new ReceiveBuffer(PiecewiseInput.inPiecesOf(answer, 4096), 4096);
        assertThatThrownBy(() -> new HeadParser().read(in)).as(answer.substring(0, Math.min(40, answer.length())))
                .isInstanceOf(ErrorNames.MalformedResponse.class).hasMessageContaining(message);
    }
}
