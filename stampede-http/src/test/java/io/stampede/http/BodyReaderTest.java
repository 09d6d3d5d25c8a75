package io.stampede.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The three body framings alone, read from in-memory bodies cut at every byte boundary, with a
 * read buffer small enough (16 bytes) that bodies also cross it and skip it.
 */
class BodyReaderTest {
    /** What follows the body on the connection: the next answer, which the reader must leave alone. */
    private static final String NEXT = "HTTP/1.1";

    @FunctionalInterface
    private interface Framing {
        byte[] read(BodyReader reader) throws IOException;
    }

    /** Reads a body with {@code framing} from every cut of {@code wire}, and from it byte by byte. */
    private static void assertEveryCutReads(String wire, Framing framing, String body, String leftOver) throws IOException {
        for (int capacity : new int[] {16, 4096}) {
            for (int cut = 0; cut <= wire.length(); cut++) {
                assertReads(PiecewiseInput.cutAt(wire, cut), capacity, framing, body, leftOver, "cut at " + cut);
            }
            assertReads(PiecewiseInput.inPiecesOf(wire, 1), capacity, framing, body, leftOver, "byte by byte");
        }
    }

    private static void assertReads(PiecewiseInput input, int capacity, Framing framing, String body, String leftOver,
                                    String how) throws IOException {
        ReceiveBuffer in = new ReceiveBuffer(input, capacity);
        assertThat(text(framing.read(new BodyReader(in)))).as("%s, buffer of %d", how, capacity).isEqualTo(body);
        StringBuilder rest = new StringBuilder();
        while (in.ensureBuffered()) {
            rest.append((char) (in.next() & 0xff));
        }
        assertThat(rest.toString()).as("left after the body, %s", how).isEqualTo(leftOver);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    private static BodyReader over(String wire) {
        return new BodyReader(new ReceiveBuffer(PiecewiseInput.inPiecesOf(wire, 4096), 16));
    }

    @Test
    void aContentLengthBodyEndsAtItsLength() throws IOException {
        assertEveryCutReads("hello" + NEXT, r -> r.fixedLength(5), "hello", NEXT);
        String large = "0123456789".repeat(10) + "end";
        assertEveryCutReads(large + NEXT, r -> r.fixedLength(large.length()), large, NEXT);
        assertThat(over(NEXT).fixedLength(0)).isEmpty();
    }

    @Test
    void chunksWithExtensionsAndTrailersJoinIntoOneBody() throws IOException {
        String wire = "4\r\nWiki\r\n6;ext=1\r\npedia \r\nE ; a=b;c\r\n in\r\n\r\nchunks.\r\n1A\r\n"
                + "abcdefghijklmnopqrstuvwxyz\r\n0;last\r\nTrailer: x\r\nOther: y\r\n\r\n" + NEXT;
        assertEveryCutReads(wire, BodyReader::chunked, "Wikipedia  in\r\n\r\nchunks.abcdefghijklmnopqrstuvwxyz", NEXT);
    }

    @Test
    void chunkedLinesMayEndInABareLineFeed() throws IOException {
        String wire = "3\nabc\n 2 \nde\n0\nTrailer: x\n\n" + NEXT;
        assertEveryCutReads(wire, BodyReader::chunked, "abcde", NEXT);
        assertEveryCutReads("0\r\n\r\n" + NEXT, BodyReader::chunked, "", NEXT);
    }

    @Test
    void aBodyWithoutLengthOrChunksRunsToTheClose() throws IOException {
        String all = "everything up to the close, " + "x".repeat(300);
        assertEveryCutReads(all, BodyReader::untilClose, all, "");
        assertEveryCutReads("", BodyReader::untilClose, "", "");
    }

    @Test
    void aBadChunkSizeIsMalformed() {
        for (String size : new String[] {"zz", "-5", "+5", "", " ", "80000000", "ffffffffff", "4 4", "0x4"}) {
            assertThatThrownBy(() -> over(size + "\r\nabcd\r\n0\r\n\r\n").chunked()).as("size '%s'", size)
                    .isInstanceOf(ErrorNames.MalformedResponse.class).hasMessage("bad chunk size");
        }
    }

    @Test
    void aBodyCutShortIsTruncatedOrMalformed() {
        assertThatThrownBy(() -> over("abc").fixedLength(10)).isInstanceOf(ErrorNames.TruncatedResponse.class)
                .hasMessage("response truncated (expected 10 bytes, got 3)");
        assertThatThrownBy(() -> over("a".repeat(40)).fixedLength(100)).isInstanceOf(ErrorNames.TruncatedResponse.class)
                .hasMessage("response truncated (expected 100 bytes, got 40)");
        assertThatThrownBy(() -> over("5\r\nab").chunked()).isInstanceOf(ErrorNames.TruncatedResponse.class)
                .hasMessage("response truncated (expected 5 bytes, got 2)");
        for (String cutShort : new String[] {"5", "5\r\nabcde", "5\r\nabcde\r\n0\r\nTrailer: x\r\n"}) {
            assertThatThrownBy(() -> over(cutShort).chunked()).as(cutShort).isInstanceOf(ErrorNames.MalformedResponse.class)
                    .hasMessage("connection closed inside a chunked body");
        }
        assertThatThrownBy(() -> over("").fixedLength(Integer.MAX_VALUE)).isInstanceOf(ErrorNames.MalformedResponse.class)
                .hasMessageContaining("too large");
    }
}
