package io.stampede.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * What a connection has read from its socket and not yet parsed, shared by the head parser and the
 * body reader: the bytes of one answer that arrive with the head belong to the body, and those after
 * it to the next answer, so both must see one buffer.
 */
final class ReceiveBuffer {
    private final InputStream in;
    private final byte[] bytes;
    private int pos;
    private int len;
    private boolean receivedAny;

    /** @param capacity 4 KiB holds a response head and a small body in one read */
    ReceiveBuffer(InputStream in, int capacity) {
        this.in = in;
        this.bytes = new byte[capacity];
    }

    /** Forgets whether bytes arrived: called as a new request goes out. */
    void startResponse() {
        receivedAny = false;
    }

    /** Whether any byte arrived since {@link #startResponse()} (a stale connection fails before that). */
    boolean receivedAny() {
        return receivedAny;
    }

    int capacity() {
        return bytes.length;
    }

    /** Bytes read and not yet taken. */
    int buffered() {
        return len - pos;
    }

    /** Makes sure a byte is buffered, reading the socket once if none is; false at the end of the stream. */
    boolean ensureBuffered() throws IOException {
        if (pos < len) {
            return true;
        }
        int n = in.read(bytes, 0, bytes.length);
        if (n <= 0) {
            return false;
        }
        receivedAny = true;
        pos = 0;
        len = n;
        return true;
    }

    /** The next buffered byte; only after {@link #ensureBuffered()} said there is one. */
    byte next() {
        return bytes[pos++];
    }

    /** Copies up to {@code max} buffered bytes to {@code dst}; returns how many. */
    int take(byte[] dst, int off, int max) {
        int n = Math.min(len - pos, max);
        System.arraycopy(bytes, pos, dst, off, n);
        pos += n;
        return n;
    }

    /** Hands back the last {@code n} bytes taken: they were read past the end of what the taker wanted. */
    void giveBack(int n) {
        pos -= n;
    }

    /**
     * Reads from the socket straight into {@code dst}, past the buffer, when nothing is buffered:
     * a large body goes into its own array without a copy. Returns -1 at the end of the stream.
     */
    int readAround(byte[] dst, int off, int max) throws IOException {
        int n = in.read(dst, off, max);
        if (n <= 0) {
            return -1;
        }
        receivedAny = true;
        return n;
    }
}
