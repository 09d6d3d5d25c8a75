package io.stampede.core.threshold;

import io.stampede.core.stats.CheckStats;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsSnapshot;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail criterion over the run's statistics, k6-style: {@code p95<500ms}, {@code fail_ratio<0.01},
 * {@code rps>200}, {@code checks>0.99}, or scoped to one request name:
 * {@code GET /api/v1/products/:p99<800ms} (the method is optional). Times are in milliseconds unless
 * the value ends in {@code s}.
 *
 * @param expression the text as given
 * @param method the scope's method, or null for any
 * @param name the scope's request name, or null for all requests
 * @param metric p50..p100, avg, median, min, max, fail_ratio, failures, requests, rps, checks
 * @param op one of {@code < <= > >= ==}
 * @param limit the bound, in the metric's unit (ms for times)
 */
public record Threshold(String expression, String method, String name, String metric, String op, double limit) {
    private static final Pattern SYNTAX = Pattern.compile(
            "^(?:(?<scope>.+):)?(?<metric>p\\d+(?:\\.\\d+)?|avg|median|med|min|max|fail_ratio|failures|requests|rps|checks)"
                    + "\\s*(?<op><=|>=|==|<|>)\\s*(?<value>\\d+(?:\\.\\d+)?)(?<unit>ms|s|%)?$");

    public static Threshold parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a threshold (examples: p95<500ms, fail_ratio<0.01, "
                    + "rps>200, \"GET /api/v1/products/:p99<800ms\")");
        }
        String method = null;
        String name = null;
        String scope = m.group("scope");
        if (scope != null) {
            String s = scope.trim();
            int space = s.indexOf(' ');
            if (space > 0 && s.substring(0, space).matches("[A-Z]+")) {
                method = s.substring(0, space);
                name = s.substring(space + 1).trim();
            } else {
                name = s;
            }
        }
        String metric = m.group("metric").equals("med") ? "median" : m.group("metric");
        double value = Double.parseDouble(m.group("value"));
        String unit = m.group("unit");
        if ("s".equals(unit)) {
            value *= 1000;
        } else if ("%".equals(unit)) {
            value /= 100;
        }
        if (metric.startsWith("p") && !metric.equals("p") && Double.parseDouble(metric.substring(1)) > 100) {
            throw new IllegalArgumentException("'" + text + "': a percentile is at most p100");
        }
        return new Threshold(text.trim(), method, name, metric, m.group("op"), value);
    }

    /** The metric's value in {@code stats}, or NaN when the scope saw no requests. */
    public double actual(StatsSnapshot stats) {
        if (metric.equals("checks")) {
            long passes = 0;
            long total = 0;
            for (CheckStats c : stats.checks()) {
                if (name == null || c.name().equals(name)) {
                    passes += c.passes();
                    total += c.total();
                }
            }
            return total == 0 ? Double.NaN : (double) passes / total;
        }
        EntryStats e = scoped(stats);
        if (e == null || e.count() == 0) {
            return metric.equals("requests") || metric.equals("failures") || metric.equals("rps") ? 0 : Double.NaN;
        }
        return switch (metric) {
            case "avg" -> e.averageMillis();
            case "median" -> e.medianMillis();
            case "min" -> e.minMillis();
            case "max" -> e.maxMillis();
            case "fail_ratio" -> e.failRatio();
            case "failures" -> e.failures();
            case "requests" -> e.count();
            case "rps" -> stats.rps(e);
            default -> e.percentileMillis(Double.parseDouble(metric.substring(1)));
        };
    }

    private EntryStats scoped(StatsSnapshot stats) {
        if (name == null) {
            return stats.total();
        }
        EntryStats sum = null;
        for (EntryStats e : stats.entries()) {
            if (e.name().equals(name) && (method == null || e.method().equals(method))) {
                sum = sum == null ? e : sum.merge(e);
            }
        }
        return sum;
    }

    /** Evaluates this threshold; a scope without data fails (nothing was proven). */
    public ThresholdResult evaluate(StatsSnapshot stats) {
        double a = actual(stats);
        boolean passed = !Double.isNaN(a) && switch (op) {
            case "<" -> a < limit;
            case "<=" -> a <= limit;
            case ">" -> a > limit;
            case ">=" -> a >= limit;
            default -> a == limit;
        };
        return new ThresholdResult(this, a, passed);
    }

    /** Whether the metric is a time in milliseconds (for printing). */
    public boolean isTime() {
        return metric.startsWith("p") || metric.equals("avg") || metric.equals("median") || metric.equals("min")
                || metric.equals("max");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s", expression);
    }
}
