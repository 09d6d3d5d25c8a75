package io.stampede.http;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a response body in each of HTTP/1.1's three framings: a Content-Length, chunks, or
 * everything up to the server's close. Each body is one array of its exact size (the response keeps
 * it); chunk sizes and trailers are read in place, without a String per line.
 */
final class BodyReader {
    /** The body of a HEAD, 204 or 304 answer: shared, as an empty array cannot be changed. */
    static final byte[] NONE = new byte[0];

    private final ReceiveBuffer in;

    BodyReader(ReceiveBuffer in) {
        this.in = in;
    }

    byte[] fixedLength(long length) throws IOException {
        if (length == 0) {
            return NONE;
        }
        byte[] body = new byte[checkedSize(length)];
        readInto(body, 0, body.length);
        return body;
    }

    byte[] chunked() throws IOException {
        byte[] body = NONE;
        int len = 0;
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            int total = checkedSize((long) len + size);
            if (total > body.length) {
                body = Arrays.copyOf(body, Math.max(total, body.length * 2));
            }
            readInto(body, len, size);
            len = total;
            skipLine(); // the CRLF that ends the chunk's data
        }
        while (skipLine() > 0) {
            // trailers: ignored
        }
        return len == body.length ? body : Arrays.copyOf(body, len);
    }

    /** A body with neither length nor chunks: it ends when the server closes the connection. */
    byte[] untilClose() throws IOException {
        byte[] body = new byte[Math.max(256, in.buffered())];
        int len = 0;
        while (in.ensureBuffered()) {
            int n = in.buffered();
            if (len + n > body.length) {
                body = Arrays.copyOf(body, Math.max(len + n, body.length * 2));
            }
            len += in.take(body, len, n);
        }
        return Arrays.copyOf(body, len);
    }

    private static int checkedSize(long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new ErrorNames.MalformedResponse("body of " + length + " bytes is too large");
        }
        return (int) length;
    }

    /** Reads exactly {@code length} bytes into {@code body} at {@code off}, or fails as truncated. */
    private void readInto(byte[] body, int off, int length) throws IOException {
        int got = 0;
        while (got < length) {
            int remaining = length - got;
            int n;
            if (in.buffered() == 0 && remaining >= in.capacity()) {
                // a large body goes straight into its array: no copy, and the read buffer stays small
                n = in.readAround(body, off + got, remaining);
            } else {
                n = in.ensureBuffered() ? in.take(body, off + got, remaining) : -1;
            }
            if (n < 0) {
                throw new ErrorNames.TruncatedResponse(length, got);
            }
            got += n;
        }
    }

    /**
     * Reads a chunk-size line ("1a", "1a;name=value", spaces around the number allowed) in place. A
     * size that is not hexadecimal, is negative or does not fit an int is malformed, found once the
     * line is read.
     */
    private int chunkSize() throws IOException {
        long size = 0;
        int digits = 0;
        boolean bad = false;
        boolean afterNumber = false;
        boolean inExtension = false;
        for (byte c = nextInChunked(); c != '\n'; c = nextInChunked()) {
            if (inExtension) {
                continue;
            }
            int d = Character.digit(c, 16);
            if (c == ';') {
                inExtension = true;
            } else if (d >= 0 && !afterNumber) {
                digits++;
                size = bad ? size : size * 16 + d;
                bad |= size > Integer.MAX_VALUE;
            } else if ((c & 0xff) <= ' ') { // blanks and the line's CR, as String.trim would drop them
                afterNumber = digits > 0;
            } else {
                bad = true;
            }
        }
        if (bad || digits == 0) {
            throw new ErrorNames.MalformedResponse("bad chunk size");
        }
        return (int) size;
    }

    /** Skips a line of a chunked body; returns its length without its line end (0: a blank line). */
    private int skipLine() throws IOException {
        int n = 0;
        byte last = 0;
        for (byte c = nextInChunked(); c != '\n'; c = nextInChunked()) {
            n++;
            last = c;
        }
        return last == '\r' ? n - 1 : n;
    }

    private byte nextInChunked() throws IOException {
        if (!in.ensureBuffered()) {
            throw new ErrorNames.MalformedResponse("connection closed inside a chunked body");
        }
        return in.next();
    }
}
