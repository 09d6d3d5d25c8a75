package io.stampede.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers and times: never scientific notation, precision that fits the size. */
final class Numbers {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Numbers() {
    }

    /** A time in ms for tables: "412", "41.2", "4.12", as the console and CSV write it. */
    static String ms(double v) {
        return io.stampede.report.Fmt.ms(v);
    }

    static String rate(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
    }

    static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** "1h 02m 03s", "4m 05s", "12.3s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s / 60 % 60, s % 60);
    }

    /**
     * A value for the embedded JSON, to 4 significant digits: the histograms hold 3, so more digits
     * would only make the file bigger.
     */
    static double chart(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(FOUR_DIGITS).doubleValue();
    }
}
