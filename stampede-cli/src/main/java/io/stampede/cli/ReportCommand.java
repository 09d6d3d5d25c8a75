package io.stampede.cli;

import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsFold;
import io.stampede.core.stats.StatsInterval;
import io.stampede.core.stats.StatsSnapshot;
import io.stampede.html.HtmlReport;
import io.stampede.html.ReportData;
import io.stampede.store.ResultsStore;
import io.stampede.store.StoredRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stampede report RUN --html FILE}: the HTML report of a stored run, rebuilt from its intervals. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write the HTML report of a stored run.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "RUN", defaultValue = "latest", description = "An id, 'previous' or 'latest' (default).")
    String run;

    @Option(names = "--html", paramLabel = "FILE", required = true, description = "Where to write the report.")
    String html;

    @Override
    public Integer call() throws Exception {
        ProcessContext p = main.process();
        try (ResultsStore s = store.openForReading(p.env())) {
            StoredRun r = CompareCommand.run(s, run);
            Path file = Outputs.withParent(html);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, HtmlReport.render(data(r)), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            p.err().println("stampede: report of run " + r.id() + " written to " + file);
            return ExitCodes.OK;
        }
    }

    /** The report's data: the statistics are the fold of the stored intervals, which hold everything measured. */
    static ReportData data(StoredRun r) {
        StatsFold fold = new StatsFold(r.statsStartEpochMillis());
        StatsSnapshot last = fold.snapshot();
        for (StatsInterval i : r.intervals()) {
            last = fold.add(i);
        }
        RunResult result = new RunResult(last, r.summary().stopReason() == null ? r.summary().status().toString()
                : r.summary().stopReason(), List.of());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("run", Long.toString(r.id()));
        params.put("scenario", r.summary().scenario());
        params.put("status", r.summary().status().toString());
        params.put("rebuilt by", "stampede " + Version.VERSION + " report");
        return new ReportData(r.info(), result, r.intervals(), params);
    }
}
