package io.stampede.report;

import java.util.Locale;

/** Number formatting shared by the outputs (the HTML report too): never scientific notation, precision that fits the size. */
public final class Fmt {
    private Fmt() {
    }

    /** A time in ms for tables: "412", "41.2", "4.12". */
    public static String ms(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A number for files: up to {@code decimals} decimals, trailing zeros trimmed ("12.5", "3", "0.001"). */
    static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "N/A";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }

    static String rate(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
    }
}
