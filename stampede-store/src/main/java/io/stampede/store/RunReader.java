package io.stampede.store;

import io.stampede.core.output.RunInfo;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsFold;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsIntervalCodec;
import io.stampede.core.stats.StatsSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/** The SQL that reads runs back: the history's rows, and one run with everything stored of it. */
final class RunReader {
    private static final String SUMMARY_COLUMNS = "id, started_ms, ended_ms, scenario, host, plan, users, status,"
            + " stop_reason, requests, failures, failure_pct, p95_ms, thresholds";

    private RunReader() {
    }

    static List<RunSummary> summaries(Connection c) throws SQLException {
        List<RunSummary> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM runs ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                runs.add(summary(rs));
            }
        }
        return runs;
    }

    /** @throws NoSuchElementException naming the id when there is no such run */
    static StoredRun load(Connection c, long id) throws SQLException {
        RunSummary summary;
        RunInfo info;
        long statsStart;
        long statsEnd;
        try (PreparedStatement s = c.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + ", user_classes, stats_start_ms, stats_end_ms FROM runs WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("there is no run " + id + " in the results store");
                }
                summary = summary(rs);
                String classes = rs.getString("user_classes");
                info = new RunInfo(summary.host(), classes.isEmpty() ? List.of() : Arrays.asList(classes.split(",")),
                        summary.plan(), summary.startedEpochMillis());
                statsStart = rs.getLong("stats_start_ms");
                statsEnd = rs.getLong("stats_end_ms");
            }
        }
        List<StatsInterval> intervals = intervals(c, id);
        List<StoredThreshold> thresholds = thresholds(c, id);
        if (summary.status() == RunStatus.COMPLETE) {
            List<EntryStats> entries = entries(c, id);
            // The Aggregated row is stored last (RunRows.complete).
            EntryStats total = entries.remove(entries.size() - 1);
            return new StoredRun(summary, info, statsStart, statsEnd, entries, total, intervals, thresholds);
        }
        // No final statistics: what the stored intervals add up to is all that is known.
        StatsFold fold = new StatsFold(intervals.isEmpty() ? statsStart : intervals.get(0).startEpochMillis());
        StatsSnapshot sum = fold.snapshot();
        for (StatsInterval i : intervals) {
            sum = fold.add(i);
        }
        return new StoredRun(summary, info, sum.startEpochMillis(), sum.epochMillis(), sum.entries(), sum.total(),
                intervals, thresholds);
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        return new RunSummary(rs.getLong("id"), rs.getLong("started_ms"), rs.getLong("ended_ms"),
                rs.getString("scenario"), rs.getString("host"), rs.getString("plan"), rs.getInt("users"),
                RunStatus.ofColumn(rs.getString("status")), rs.getString("stop_reason"), rs.getLong("requests"),
                rs.getLong("failures"), rs.getDouble("failure_pct"), rs.getDouble("p95_ms"),
                ThresholdsOutcome.ofColumn(rs.getString("thresholds")));
    }

    private static List<StatsInterval> intervals(Connection c, long id) throws SQLException {
        List<StatsInterval> intervals = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT data FROM run_intervals WHERE run_id = ? ORDER BY ordinal")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    intervals.add(StatsIntervalCodec.decode(rs.getBytes(1)));
                }
            }
        }
        return intervals;
    }

    private static List<EntryStats> entries(Connection c, long id) throws SQLException {
        List<EntryStats> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT stats FROM run_entries WHERE run_id = ? ORDER BY ordinal")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(EntryCodec.decode(rs.getBytes(1)));
                }
            }
        }
        return entries;
    }

    private static List<StoredThreshold> thresholds(Connection c, long id) throws SQLException {
        List<StoredThreshold> thresholds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT expression, actual, passed FROM run_thresholds WHERE run_id = ? ORDER BY ordinal")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String expression = rs.getString(1);
                    double actual = rs.getDouble(2);
                    boolean measured = !rs.wasNull();
                    thresholds.add(new StoredThreshold(expression, measured ? actual : Double.NaN, rs.getBoolean(3)));
                }
            }
        }
        return thresholds;
    }
}
