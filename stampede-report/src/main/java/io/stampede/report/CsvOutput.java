package io.stampede.report;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsSnapshot;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Locust's four CSV files ({@link LocustCsv}), so existing spreadsheets read them unchanged. The
 * files are complete at exit: the history is appended and flushed each second, and the final rows
 * and the other three files are written after the last request has been recorded.
 */
public final class CsvOutput implements Output {
    private final Path prefix;
    private final boolean fullHistory;
    private Writer history;

    public CsvOutput(Path prefix, boolean fullHistory) {
        this.prefix = prefix;
        this.fullHistory = fullHistory;
    }

    public Path file(String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }

    @Override
    public void start(RunInfo info) {
        try {
            history = Files.newBufferedWriter(file("_stats_history.csv"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            history.write(LocustCsv.historyHeader());
            history.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file("_stats_history.csv") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onSnapshot(StatsSnapshot s) {
        try {
            appendHistory(s);
        } catch (IOException e) {
            // a full disk must not stop the load; the final files will report the problem
        }
    }

    private void appendHistory(StatsSnapshot s) throws IOException {
        if (history == null) {
            return;
        }
        history.write(LocustCsv.historyRows(s, fullHistory));
        history.flush();
    }

    @Override
    public void finish(RunResult result) throws IOException {
        StatsSnapshot s = result.stats();
        appendHistory(s);
        if (history != null) {
            history.close();
        }
        writeAtomically(file("_stats.csv"), LocustCsv.stats(s));
        writeAtomically(file("_failures.csv"), LocustCsv.failures(s));
        writeAtomically(file("_exceptions.csv"), LocustCsv.exceptions(s));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
