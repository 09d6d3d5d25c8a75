package io.stampede.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the store's tables write numbers and dates: never scientific notation, precision that fits the size. */
final class Numbers {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Numbers() {
    }

    /** A time in ms: "412", "41.2", "4.12". */
    static String ms(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** A relative change: "+30%", "-4%", "+0%"; "new" from zero. */
    static String change(double from, double to) {
        if (from == 0) {
            return to == 0 ? "+0%" : "new";
        }
        // Rounded first: a formatted -0.3 would read "-0%".
        return String.format(Locale.ROOT, "%+d%%", Math.round((to - from) / from * 100));
    }

    static String rate(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A p-value as it matters at the 0.01 level: "<0.001", "0.004", "0.23". */
    static String p(double p) {
        if (p < 0.001) {
            return "<0.001";
        }
        return String.format(Locale.ROOT, p < 0.1 ? "%.3f" : "%.2f", p);
    }

    static String date(long epochMillis, ZoneId zone) {
        return DATE.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }
}
