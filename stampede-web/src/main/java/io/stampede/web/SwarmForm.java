package io.stampede.web;

import io.stampede.core.plan.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fields of Locust's {@code POST /swarm}, read and checked: {@code user_count} (a whole number),
 * {@code spawn_rate} (a number), {@code host} (optional), {@code run_time} (optional, Locust's
 * durations: 30s, 5m, 1h30m; empty means until stopped). A bad field is an
 * {@link IllegalArgumentException} naming it, before anything is asked of the run.
 */
record SwarmForm(int users, double spawnRate, String host, Duration runTime) {

    static SwarmForm parse(Map<String, List<String>> form) {
        int users = users(field(form, "user_count"));
        double rate = rate(field(form, "spawn_rate"));
        String host = field(form, "host");
        String runTime = field(form, "run_time");
        return new SwarmForm(users, rate, host == null || host.isBlank() ? null : host.strip(),
                runTime == null || runTime.isBlank() ? null : runTime(runTime));
    }

    private static String field(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int users(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("user_count is missing");
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("user_count must be a whole number, 0 or more, was '" + text + "'");
    }

    private static double rate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("spawn_rate is missing");
        }
        try {
            double r = Double.parseDouble(text.strip());
            if (r >= 0 && !Double.isInfinite(r)) {
                return r;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("spawn_rate must be a number, 0 or more, was '" + text + "'");
    }

    private static Duration runTime(String text) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run_time: " + e.getMessage());
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("run_time must be longer than 0, was '" + text + "'");
        }
        return d;
    }
}
