package io.stampede.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a response's status line and headers and finds in them what the connection needs: the
 * status, how the body is framed and whether the server keeps the connection open. One per
 * connection, reused for every answer; headers are compared in place, so an answer costs no String
 * (JMH: ExchangeBenchmark) unless its status is an error, whose reason is reported.
 */
final class HeadParser {
    private static final int MAX_HEAD = 64 * 1024;

    private byte[] head = new byte[512];
    private int headLen;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean closes;

    /** Reads the next final head (1xx interim answers, but for 101, are skipped) and parses it. */
    void read(ReceiveBuffer in) throws IOException {
        do {
            readHead(in);
            status = statusOf();
        } while (status >= 100 && status < 200 && status != 101);
        parseHeaders();
    }

    int status() {
        return status;
    }

    /** The announced body length, or -1 when the head gave none. */
    long contentLength() {
        return contentLength;
    }

    boolean chunked() {
        return chunked;
    }

    /** Whether the server closes the connection after this answer. */
    boolean closes() {
        return closes;
    }

    /** The reason phrase of the status line ("" when there is none). */
    String reason() {
        int end = lineEnd(0);
        return headLen > 13 && end > 13 ? value(13, end) : "";
    }

    /** A copy of the head, which outlives this parser's next answer, for header look-ups. */
    HeadBytes copy() {
        return new HeadBytes(Arrays.copyOf(head, headLen));
    }

    /**
     * Reads up to the blank line after the headers into {@code head}: copies what the read buffer
     * holds in bulk and scans only the new bytes for the end of the head (a byte-at-a-time copy
     * showed up as a fifth of the CPU profile at 100k requests/s).
     */
    private void readHead(ReceiveBuffer in) throws IOException {
        headLen = 0;
        while (true) {
            if (!in.ensureBuffered()) {
                throw headLen == 0 && !in.receivedAny() ? new EOFException("closed before response")
                        : new ErrorNames.MalformedResponse("connection closed inside the headers");
            }
            int n = in.buffered();
            if (headLen + n > head.length) {
                head = Arrays.copyOf(head, Math.max(head.length * 2, headLen + n));
            }
            in.take(head, headLen, n);
            int scanFrom = headLen;
            headLen += n;
            int end = headEnd(scanFrom);
            if (end >= 0) {
                in.giveBack(headLen - end); // the rest is body, left in the read buffer
                headLen = end;
                return;
            }
            if (headLen > MAX_HEAD) {
                throw new ErrorNames.MalformedResponse("headers larger than 64 KiB");
            }
        }
    }

    /** The length of the head if it ends ("\n\n" or "\r\n\r\n") at or after {@code from}, else -1. */
    private int headEnd(int from) {
        for (int i = from; i < headLen; i++) {
            if (head[i] == '\n' && i >= 1) {
                if (head[i - 1] == '\n' || i >= 3 && head[i - 1] == '\r' && head[i - 2] == '\n' && head[i - 3] == '\r') {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private int statusOf() throws IOException {
        if (headLen < 12 || head[0] != 'H' || head[1] != 'T' || head[2] != 'T' || head[3] != 'P' || head[8] != ' ') {
            throw new ErrorNames.MalformedResponse("not an HTTP/1.x status line");
        }
        int s = 0;
        for (int i = 9; i < 12; i++) {
            int d = head[i] - '0';
            if (d < 0 || d > 9) {
                throw new ErrorNames.MalformedResponse("bad status code");
            }
            s = s * 10 + d;
        }
        return s;
    }

    private void parseHeaders() throws IOException {
        contentLength = -1;
        chunked = false;
        // HTTP/1.0 closes after each answer unless the server says keep-alive (python's http.server,
        // old proxies); reusing such a connection would fail every other request
        closes = head[5] == '1' && head[7] == '0';
        int lineStart = lineEnd(0) + 1;
        while (lineStart < headLen) {
            int end = lineEnd(lineStart);
            if (startsWithIgnoreCase(lineStart, "content-length:")) {
                contentLength = number(lineStart + 15, end);
            } else if (startsWithIgnoreCase(lineStart, "transfer-encoding:")) {
                chunked = valueContains(lineStart + 18, end, "chunked");
            } else if (startsWithIgnoreCase(lineStart, "connection:")) {
                if (valueIs(lineStart + 11, end, "close")) {
                    closes = true;
                } else if (valueIs(lineStart + 11, end, "keep-alive")) {
                    closes = false;
                }
            }
            lineStart = end + 1;
        }
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < headLen && head[i] != '\n') {
            i++;
        }
        return i;
    }

    private boolean startsWithIgnoreCase(int at, String prefix) {
        return at + prefix.length() <= headLen && matchesIgnoreCase(at, prefix);
    }

    /**
     * Whether {@code lowerCase} (ASCII) is at {@code at}, in any case; the caller checked it fits.
     * Folds ASCII letters only, which is all a header name or token holds: no byte outside A-Z
     * lower-cases to an ASCII character, and a table look-up per byte is left out.
     */
    private boolean matchesIgnoreCase(int at, String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            int b = head[at + i];
            char c = lowerCase.charAt(i);
            if (b != c && (c < 'a' || c > 'z' || (b | 0x20) != c)) {
                return false;
            }
        }
        return true;
    }

    /** A header's decimal value read in place: no String per response (JMH: ExchangeBenchmark). */
    private long number(int from, int end) throws IOException {
        int i = from;
        while (i < end && head[i] == ' ') {
            i++;
        }
        long n = 0;
        int digits = 0;
        while (i < end && head[i] >= '0' && head[i] <= '9') {
            if (++digits > 18) {
                throw new ErrorNames.MalformedResponse("Content-Length too large");
            }
            n = n * 10 + (head[i++] - '0');
        }
        while (i < end && (head[i] == ' ' || head[i] == '\r')) {
            i++;
        }
        if (digits == 0 || i != end) {
            throw new ErrorNames.MalformedResponse("bad Content-Length");
        }
        return n;
    }

    /** Whether a header's value, trimmed, is {@code lowerCase} in any case, compared in place. */
    private boolean valueIs(int from, int end, String lowerCase) {
        int to = valueEnd(from, end);
        from = valueStart(from, to);
        return to - from == lowerCase.length() && matchesIgnoreCase(from, lowerCase);
    }

    /** Whether a header's value holds {@code lowerCase} anywhere, in any case ("gzip, Chunked"). */
    private boolean valueContains(int from, int end, String lowerCase) {
        int to = valueEnd(from, end);
        for (int at = valueStart(from, to); at + lowerCase.length() <= to; at++) {
            if (matchesIgnoreCase(at, lowerCase)) {
                return true;
            }
        }
        return false;
    }

    private String value(int from, int end) {
        int to = valueEnd(from, end);
        from = valueStart(from, to);
        return new String(head, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Where a header value ends once trailing spaces and the CR of its line are left out. */
    private int valueEnd(int from, int end) {
        int to = end;
        while (to > from && (head[to - 1] == '\r' || head[to - 1] == ' ')) {
            to--;
        }
        return to;
    }

    /** Where a header value starts once leading spaces are left out. */
    private int valueStart(int from, int to) {
        while (from < to && head[from] == ' ') {
            from++;
        }
        return from;
    }
}
