package io.stampede.core.stats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link CompactBytesWriter} wrote, refusing anything malformed with an
 * {@link IllegalArgumentException} that says what was being read and at which byte.
 */
final class CompactBytesReader {
    private final byte[] bytes;
    private int position;

    CompactBytesReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return position;
    }

    int remaining() {
        return bytes.length - position;
    }

    int readByte(String what) {
        need(1, what);
        return bytes[position++] & 0xFF;
    }

    byte[] readBytes(int length, String what) {
        need(length, what);
        byte[] b = new byte[length];
        System.arraycopy(bytes, position, b, 0, length);
        position += length;
        return b;
    }

    long readUnsigned(String what) {
        int start = position;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            long b = readByte(what);
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed " + what + " at byte " + start + ": longer than 10 bytes");
    }

    long readSigned(String what) {
        long v = readUnsigned(what);
        return (v >>> 1) ^ -(v & 1);
    }

    int readInt(String what) {
        long v = readSigned(what);
        if (v != (int) v) {
            throw new IllegalArgumentException("malformed " + what + " at byte " + position + ": " + v + " is not an int");
        }
        return (int) v;
    }

    /**
     * A count of items that take at least one byte each, so a corrupt count fails here instead of
     * allocating room for billions.
     */
    int readCount(String what) {
        int start = position;
        long n = readUnsigned(what);
        if (n > remaining()) {
            throw new IllegalArgumentException("malformed " + what + " at byte " + start + ": " + n
                    + " is more than the " + remaining() + " bytes left");
        }
        return (int) n;
    }

    String readString(String what) {
        int length = readCount(what + " length");
        int start = position;
        byte[] utf8 = readBytes(length, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("malformed " + what + " at byte " + start + ": not UTF-8", e);
        }
    }

    private void need(int n, String what) {
        if (n > remaining()) {
            throw new IllegalArgumentException("truncated: " + what + " at byte " + position + " needs " + n
                    + " byte(s), " + remaining() + " left of " + bytes.length);
        }
    }
}
