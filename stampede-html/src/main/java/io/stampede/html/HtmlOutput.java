package io.stampede.html;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsInterval;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --html FILE}: collects the run's intervals (bounded: beyond a few thousand points,
 * neighbours merge) and writes the report at finish, atomically, so a reader never sees half a
 * file. Each run of a driver starts the collection afresh and rewrites the file.
 */
public final class HtmlOutput implements Output {
    private final Path file;
    private final Map<String, String> parameters;
    private RunInfo info;
    private IntervalBuffer series = new IntervalBuffer(SeriesColumns.MAX_POINTS);

    /** @param parameters what else describes the run, shown in order (scenario, version, machine...) */
    public HtmlOutput(Path file, Map<String, String> parameters) {
        this.file = file;
        this.parameters = new LinkedHashMap<>(parameters);
    }

    @Override
    public void start(RunInfo info) {
        this.info = info;
        this.series = new IntervalBuffer(SeriesColumns.MAX_POINTS);
    }

    @Override
    public void onInterval(StatsInterval interval) {
        series.add(interval);
    }

    @Override
    public void finish(RunResult result) throws IOException {
        RunInfo about = info != null ? info : new RunInfo("", List.of(), "", result.stats().startEpochMillis());
        String html = HtmlReport.render(new ReportData(about, result, series.series(), parameters));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, html, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
