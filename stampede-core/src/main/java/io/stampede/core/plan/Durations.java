package io.stampede.core.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Locust-style durations: "30s", "5m", "1h30m", "2h5m10s", "500ms"; a bare number is seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private Durations() {
    }

    public static Duration parse(String text) {
        String s = text.trim().toLowerCase();
        if (s.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        long millis = 0;
        while (m.find()) {
            if (m.start() != pos) {
                break;
            }
            double v = Double.parseDouble(m.group(1));
            millis += Math.round(v * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1000;
                default -> 1;
            });
            pos = m.end();
        }
        if (pos == 0 || pos != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 30s, 5m, 1h30m, 500ms)");
        }
        return Duration.ofMillis(millis);
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        long ms = d.toMillisPart();
        if (s == 0) {
            return ms + "ms";
        }
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            b.append(s % 3600 / 60).append('m');
        }
        if (s % 60 > 0 || b.isEmpty()) {
            b.append(s % 60).append('s');
        }
        return b.toString();
    }
}
