package io.stampede.core.stats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends the primitives of {@link StatsIntervalCodec}'s layout: variable-length integers (seven
 * bits a byte, low bits first, the high bit set on every byte but the last), signed ones zigzag-mapped
 * first so small negatives stay short, and strings as a length and their UTF-8 bytes.
 */
final class CompactBytesWriter {
    private byte[] bytes = new byte[256];
    private int size;

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void writeBytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /** A count or length: never negative. */
    void writeUnsigned(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** Any long: zigzag (0, -1, 1, -2... become 0, 1, 2, 3...) then as {@link #writeUnsigned}. */
    void writeSigned(long value) {
        writeUnsigned((value << 1) ^ (value >> 63));
    }

    /** Lone surrogates, which UTF-8 cannot carry, are written as '?': the only lossy case. */
    void writeString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(utf8.length);
        writeBytes(utf8);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
