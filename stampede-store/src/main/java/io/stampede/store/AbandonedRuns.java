package io.stampede.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds runs whose process died while writing them (SIGKILL, a crash, a power cut: no finish ever
 * ran) and marks them incomplete, so a run is never listed as running forever. A run is abandoned
 * when its writer was a process on this host that no longer exists, or when its heartbeat is older
 * than {@link #STALE_AFTER_MILLIS} (a writer on another host, or a reused pid).
 */
final class AbandonedRuns {
    /** Twelve missed heartbeats: a writer this late is gone, not slow. */
    static final long STALE_AFTER_MILLIS = 12 * StoreOutput.HEARTBEAT_MILLIS;

    static final String REASON = "the process ended before the run finished (killed or crashed)";

    private AbandonedRuns() {
    }

    /** Marks every abandoned run incomplete; returns their ids. */
    static List<Long> mark(Connection c, long now) throws SQLException {
        List<Long> abandoned = new ArrayList<>();
        List<Long> lastWrites = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, writer, heartbeat_ms FROM runs WHERE status = ?")) {
            s.setString(1, RunStatus.RUNNING.column());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    WriterId writer = WriterId.parse(rs.getString(2));
                    long heartbeat = rs.getLong(3);
                    boolean gone = writer != null && writer.goneFromThisHost();
                    if (gone || now - heartbeat > STALE_AFTER_MILLIS) {
                        abandoned.add(rs.getLong(1));
                        lastWrites.add(heartbeat);
                    }
                }
            }
        }
        for (int i = 0; i < abandoned.size(); i++) {
            // It ended, as far as anyone can tell, at its writer's last sign of life.
            RunRows.markIncomplete(c, abandoned.get(i), REASON, lastWrites.get(i));
        }
        return abandoned;
    }
}
