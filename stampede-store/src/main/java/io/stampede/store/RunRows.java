package io.stampede.store;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.EntryStats;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.core.threshold.ThresholdResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The SQL that writes one run: its row at the start, its intervals as they come, its final statistics. */
final class RunRows {
    private RunRows() {
    }

    /** Inserts the run with status running and nothing measured yet; returns its id. */
    static long insert(Connection c, RunInfo info, String scenario, WriterId writer, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO runs (started_ms, scenario, host, user_classes, plan,"
                + " users, status, stats_start_ms, stats_end_ms, requests, failures, failure_pct, p95_ms, thresholds,"
                + " writer, heartbeat_ms) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, info.startEpochMillis());
            s.setString(2, scenario);
            s.setString(3, info.host());
            s.setString(4, String.join(",", info.userClasses()));
            s.setString(5, info.plan());
            s.setString(6, RunStatus.RUNNING.column());
            s.setLong(7, info.startEpochMillis());
            s.setLong(8, info.startEpochMillis());
            s.setString(9, ThresholdsOutcome.NONE.column());
            s.setString(10, writer.toString());
            s.setLong(11, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                // PostgreSQL returns every column here, H2 only the key: id is the first column of both.
                return keys.getLong(1);
            }
        }
    }

    /** Appends intervals from {@code firstOrdinal} on, as one JDBC batch. */
    static void insertIntervals(Connection c, long runId, int firstOrdinal, List<StatsInterval> intervals,
                                List<byte[]> encoded) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run_intervals (run_id, ordinal, sequence, start_ms,"
                + " end_ms, users, requests, failures, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < intervals.size(); i++) {
                StatsInterval interval = intervals.get(i);
                EntryStats total = interval.total();
                s.setLong(1, runId);
                s.setInt(2, firstOrdinal + i);
                s.setLong(3, interval.sequence());
                s.setLong(4, interval.startEpochMillis());
                s.setLong(5, interval.endEpochMillis());
                s.setInt(6, interval.users());
                s.setLong(7, total.count());
                s.setLong(8, total.failures());
                s.setBytes(9, encoded.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * The run's counts so far and the writer's heartbeat. It also sets the status back to running: a
     * process on another machine that took this run for dead (clocks apart, a long pause) is corrected
     * by the next write.
     */
    static void progress(Connection c, long runId, Progress p, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE runs SET users = ?, stats_start_ms = ?, stats_end_ms = ?,"
                + " requests = ?, failures = ?, failure_pct = ?, p95_ms = ?, status = ?, stop_reason = NULL,"
                + " ended_ms = NULL, heartbeat_ms = ? WHERE id = ?")) {
            s.setInt(1, p.peakUsers());
            s.setLong(2, p.startEpochMillis());
            s.setLong(3, p.endEpochMillis());
            s.setLong(4, p.total().count());
            s.setLong(5, p.total().failures());
            s.setDouble(6, p.total().failRatio() * 100);
            s.setDouble(7, p.total().percentileMillis(95));
            s.setString(8, RunStatus.RUNNING.column());
            s.setLong(9, now);
            s.setLong(10, runId);
            s.executeUpdate();
        }
    }

    /** The final statistics, the thresholds, and status complete. */
    static void complete(Connection c, long runId, RunResult result, int peakUsers, long now) throws SQLException {
        StatsSnapshot stats = result.stats();
        List<EntryStats> rows = new ArrayList<>(stats.entries());
        rows.add(stats.total());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run_entries (run_id, ordinal, method, name, requests,"
                + " failures, avg_ms, min_ms, max_ms, p50_ms, p95_ms, p99_ms, rps, stats)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                EntryStats e = rows.get(i);
                s.setLong(1, runId);
                s.setInt(2, i);
                s.setString(3, e.method());
                s.setString(4, e.name());
                s.setLong(5, e.count());
                s.setLong(6, e.failures());
                s.setDouble(7, e.averageMillis());
                s.setDouble(8, e.minMillis());
                s.setDouble(9, e.maxMillis());
                s.setDouble(10, e.percentileMillis(50));
                s.setDouble(11, e.percentileMillis(95));
                s.setDouble(12, e.percentileMillis(99));
                s.setDouble(13, stats.rps(e));
                s.setBytes(14, EntryCodec.encode(e));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO run_thresholds (run_id, ordinal, expression, actual, passed) VALUES (?, ?, ?, ?, ?)")) {
            List<ThresholdResult> thresholds = result.thresholds();
            for (int i = 0; i < thresholds.size(); i++) {
                ThresholdResult t = thresholds.get(i);
                s.setLong(1, runId);
                s.setInt(2, i);
                s.setString(3, t.threshold().expression());
                if (Double.isNaN(t.actual())) {
                    s.setNull(4, Types.DOUBLE);
                } else {
                    s.setDouble(4, t.actual());
                }
                s.setBoolean(5, t.passed());
                s.addBatch();
            }
            s.executeBatch();
        }
        EntryStats total = stats.total();
        try (PreparedStatement s = c.prepareStatement("UPDATE runs SET ended_ms = ?, status = ?, stop_reason = ?,"
                + " users = ?, stats_start_ms = ?, stats_end_ms = ?, requests = ?, failures = ?, failure_pct = ?,"
                + " p95_ms = ?, thresholds = ?, heartbeat_ms = ? WHERE id = ?")) {
            s.setLong(1, now);
            s.setString(2, RunStatus.COMPLETE.column());
            s.setString(3, result.stopReason());
            s.setInt(4, Math.max(peakUsers, stats.users()));
            s.setLong(5, stats.startEpochMillis());
            s.setLong(6, stats.epochMillis());
            s.setLong(7, total.count());
            s.setLong(8, total.failures());
            s.setDouble(9, total.failRatio() * 100);
            s.setDouble(10, total.percentileMillis(95));
            s.setString(11, ThresholdsOutcome.of(result.thresholds()).column());
            s.setLong(12, now);
            s.setLong(13, runId);
            s.executeUpdate();
        }
    }

    /** Marks a run that will never be finished: its intervals so far are what it has. */
    static int markIncomplete(Connection c, long runId, String reason, long endedMillis) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE runs SET status = ?, stop_reason = ?, ended_ms = ?"
                + " WHERE id = ? AND status = ?")) {
            s.setString(1, RunStatus.INCOMPLETE.column());
            s.setString(2, reason);
            s.setLong(3, endedMillis);
            s.setLong(4, runId);
            s.setString(5, RunStatus.RUNNING.column());
            return s.executeUpdate();
        }
    }
}
