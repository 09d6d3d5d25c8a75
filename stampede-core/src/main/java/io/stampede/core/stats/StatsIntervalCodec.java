package io.stampede.core.stats;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The versioned compact binary form of a {@link StatsInterval}: what a worker sends its master.
 * After a four-byte magic ("STIV") and one version byte ({@link StatsInterval#FORMAT_VERSION}),
 * every number is a variable-length integer, every string a length and UTF-8, and every histogram
 * HdrHistogram's own compressed encoding; docs/design/005 lists the layout byte by byte. A reader
 * accepts its own version only: any change to the layout is a new version.
 */
public final class StatsIntervalCodec {
    private static final byte[] MAGIC = "STIV".getBytes(StandardCharsets.US_ASCII);

    private StatsIntervalCodec() {
    }

    public static byte[] encode(StatsInterval interval) {
        CompactBytesWriter out = new CompactBytesWriter();
        out.writeBytes(MAGIC);
        out.writeByte(StatsInterval.FORMAT_VERSION);
        out.writeSigned(interval.sequence());
        out.writeString(interval.node());
        out.writeSigned(interval.startEpochMillis());
        out.writeSigned(interval.endEpochMillis());
        out.writeSigned(interval.users());
        out.writeUnsigned(interval.entries().size());
        for (EntryStats e : interval.entries()) {
            out.writeString(e.method());
            out.writeString(e.name());
            out.writeSigned(e.failures());
            out.writeSigned(e.totalNanos());
            out.writeSigned(e.minNanos());
            out.writeSigned(e.maxNanos());
            out.writeSigned(e.contentBytes());
            out.writeSigned(e.lastEpochMillis());
            byte[] histogram = compressed(e.histogram());
            out.writeUnsigned(histogram.length);
            out.writeBytes(histogram);
        }
        out.writeUnsigned(interval.errors().size());
        for (ErrorStats e : interval.errors()) {
            out.writeString(e.method());
            out.writeString(e.name());
            out.writeString(e.error());
            out.writeSigned(e.occurrences());
            out.writeSigned(e.firstEpochMillis());
            out.writeSigned(e.lastEpochMillis());
        }
        out.writeUnsigned(interval.exceptions().size());
        for (ExceptionStats e : interval.exceptions()) {
            out.writeString(e.message());
            out.writeString(e.traceback());
            out.writeSigned(e.count());
            List<String> nodes = e.nodes().stream().sorted().toList();
            out.writeUnsigned(nodes.size());
            nodes.forEach(out::writeString);
        }
        out.writeUnsigned(interval.checks().size());
        for (CheckStats c : interval.checks()) {
            out.writeString(c.name());
            out.writeSigned(c.passes());
            out.writeSigned(c.fails());
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException naming the found and expected version, or what is malformed */
    public static StatsInterval decode(byte[] bytes) {
        CompactBytesReader in = new CompactBytesReader(bytes);
        byte[] magic = in.readBytes(MAGIC.length, "magic");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("not a statistics interval: it starts with "
                    + HexFormat.of().formatHex(magic) + ", not \"STIV\"");
        }
        int version = in.readByte("format version");
        if (version != StatsInterval.FORMAT_VERSION) {
            throw new IllegalArgumentException("statistics interval format version " + version
                    + " found, version " + StatsInterval.FORMAT_VERSION + " expected");
        }
        long sequence = in.readSigned("sequence");
        String node = in.readString("node");
        long start = in.readSigned("start");
        long end = in.readSigned("end");
        int users = in.readInt("users");
        int entryCount = in.readCount("entry count");
        List<EntryStats> entries = new ArrayList<>(entryCount);
        for (int i = 0; i < entryCount; i++) {
            StatsKey key = new StatsKey(in.readString("entry method"), in.readString("entry name"));
            long failures = in.readSigned("failures");
            long totalNanos = in.readSigned("total nanos");
            long minNanos = in.readSigned("min nanos");
            long maxNanos = in.readSigned("max nanos");
            long contentBytes = in.readSigned("content bytes");
            long lastEpochMillis = in.readSigned("last sample time");
            int length = in.readCount("histogram length");
            int at = in.position();
            Histogram micros = histogram(in.readBytes(length, "histogram"), key, at);
            entries.add(new EntryStats(key, micros, failures, totalNanos, minNanos, maxNanos, contentBytes,
                    lastEpochMillis));
        }
        int errorCount = in.readCount("error count");
        List<ErrorStats> errors = new ArrayList<>(errorCount);
        for (int i = 0; i < errorCount; i++) {
            errors.add(new ErrorStats(in.readString("error method"), in.readString("error name"),
                    in.readString("error"), in.readSigned("occurrences"), in.readSigned("first occurrence"),
                    in.readSigned("last occurrence")));
        }
        int exceptionCount = in.readCount("exception count");
        List<ExceptionStats> exceptions = new ArrayList<>(exceptionCount);
        for (int i = 0; i < exceptionCount; i++) {
            String message = in.readString("exception message");
            String traceback = in.readString("traceback");
            long count = in.readSigned("exception count");
            int nodeCount = in.readCount("exception node count");
            Set<String> nodes = new HashSet<>();
            for (int n = 0; n < nodeCount; n++) {
                nodes.add(in.readString("exception node"));
            }
            exceptions.add(new ExceptionStats(message, traceback, count, nodes));
        }
        int checkCount = in.readCount("check count");
        List<CheckStats> checks = new ArrayList<>(checkCount);
        for (int i = 0; i < checkCount; i++) {
            checks.add(new CheckStats(in.readString("check name"), in.readSigned("passes"), in.readSigned("fails")));
        }
        if (in.remaining() != 0) {
            throw new IllegalArgumentException("malformed statistics interval: " + in.remaining()
                    + " byte(s) after its end at byte " + in.position());
        }
        return new StatsInterval(sequence, node, start, end, users, entries, errors, exceptions, checks);
    }

    private static byte[] compressed(Histogram h) {
        // The compressed form is rarely larger than the plain one; the slack covers deflate's worst case.
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity() + 256);
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    private static Histogram histogram(byte[] bytes, StatsKey key, int at) {
        Histogram decoded;
        try {
            decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("malformed histogram of " + key.method() + " " + key.name()
                    + " at byte " + at + ": " + e, e);
        }
        if (decoded.getNumberOfSignificantValueDigits() != EntryStats.SIGNIFICANT_DIGITS
                || decoded.getLowestDiscernibleValue() != 1) {
            throw new IllegalArgumentException("histogram of " + key.method() + " " + key.name() + " at byte " + at
                    + " has " + decoded.getNumberOfSignificantValueDigits() + " significant digits from "
                    + decoded.getLowestDiscernibleValue() + ", not " + EntryStats.SIGNIFICANT_DIGITS + " from 1");
        }
        // Copied into an auto-resizing histogram like every other, so merges can grow it.
        Histogram micros = EntryStats.newHistogram();
        micros.add(decoded);
        return micros;
    }
}
