package io.stampede.web;

import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;

/**
 * One point of the charts: what all requests did over a stretch of time (one interval, or several
 * merged). Counts are exact; the percentiles of a merged point are the request-weighted means of
 * its parts', since a point keeps three numbers, not a histogram.
 *
 * @param startEpochMillis where the stretch begins
 * @param endEpochMillis where it ends (the chart's x)
 * @param users the users running at its end
 * @param requests requests completed in it
 * @param failures failures among them
 * @param p50 median response time in ms (0 without requests)
 * @param p95 95th percentile in ms
 * @param p99 99th percentile in ms
 * @param intendedRps in an arrival-rate run, the iterations the schedule asked for per second; NaN otherwise
 */
record ChartPoint(long startEpochMillis, long endEpochMillis, int users, long requests, long failures,
                  double p50, double p95, double p99, double intendedRps) {

    static ChartPoint of(StatsInterval interval) {
        EntryStats t = interval.total();
        return new ChartPoint(interval.startEpochMillis(), interval.endEpochMillis(), interval.users(), t.count(),
                t.failures(), t.percentileMillis(50), t.percentileMillis(95), t.percentileMillis(99), Double.NaN);
    }

    double seconds() {
        return Math.max(1, endEpochMillis - startEpochMillis) / 1000.0;
    }

    double rps() {
        return requests / seconds();
    }

    double failuresPerSecond() {
        return failures / seconds();
    }

    ChartPoint withIntendedRps(double rate) {
        return new ChartPoint(startEpochMillis, endEpochMillis, users, requests, failures, p50, p95, p99, rate);
    }

    /** This point and the next one as one: counts add, the users are the later point's. */
    ChartPoint merge(ChartPoint next) {
        long n = requests + next.requests;
        return new ChartPoint(startEpochMillis, next.endEpochMillis, next.users, n, failures + next.failures,
                weighted(p50, next.p50, next), weighted(p95, next.p95, next), weighted(p99, next.p99, next),
                intended(next));
    }

    private double weighted(double mine, double theirs, ChartPoint next) {
        long n = requests + next.requests;
        return n == 0 ? 0 : (mine * requests + theirs * next.requests) / n;
    }

    /** Time-weighted: a rate held over each part. */
    private double intended(ChartPoint next) {
        if (Double.isNaN(intendedRps) || Double.isNaN(next.intendedRps)) {
            return Double.isNaN(intendedRps) ? next.intendedRps : intendedRps;
        }
        double a = seconds();
        double b = next.seconds();
        return (intendedRps * a + next.intendedRps * b) / (a + b);
    }
}
