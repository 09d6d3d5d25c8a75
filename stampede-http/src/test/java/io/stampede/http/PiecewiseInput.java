package io.stampede.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An answer held in memory that arrives as a socket may hand it over: in pieces, each read
 * returning no more than what is left before the next cut, then the end of the stream.
 */
final class PiecewiseInput extends InputStream {
    private final byte[] bytes;
    private final int every;
    private final int cut;
    private int pos;

    private PiecewiseInput(String text, int every, int cut) {
        this.bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        this.every = every;
        this.cut = cut;
    }

    /** Two pieces: the bytes before {@code cut} and the rest. */
    static PiecewiseInput cutAt(String text, int cut) {
        return new PiecewiseInput(text, Integer.MAX_VALUE, cut);
    }

    /** A piece of {@code every} bytes per read. */
    static PiecewiseInput inPiecesOf(String text, int every) {
        return new PiecewiseInput(text, every, -1);
    }

    @Override
    public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos == bytes.length) {
            return -1;
        }
        int end = pos < cut ? cut : bytes.length;
        int n = Math.min(Math.min(len, every), end - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }
}
