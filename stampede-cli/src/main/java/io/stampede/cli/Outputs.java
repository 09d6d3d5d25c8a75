package io.stampede.cli;

import io.stampede.core.output.Output;
import io.stampede.html.HtmlOutput;
import io.stampede.report.ConsoleOutput;
import io.stampede.report.CsvOutput;
import io.stampede.report.JUnitOutput;
import io.stampede.report.JsonOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the outputs the flags ask for, from one table: a new output is one more row. */
final class Outputs {
    private Outputs() {
    }

    /** One kind of output: whether the flags ask for it, and how to make it. */
    private interface Kind {
        /** The output, or null when the flags do not ask for it. */
        Output create(RunOptions o, RunConfig c, ProcessContext p) throws UserError;
    }

    private static final List<Kind> KINDS = List.of(
            // With --json, standard output carries only the JSON document; the tables go to standard error.
            // with the web UI the page is the live view: the console prints each run's summary only
            (o, c, p) -> new ConsoleOutput(o.json ? p.err() : p.out(), c.liveInterval(), o.onlySummary || !o.headless),
            (o, c, p) -> o.csvPrefix == null ? null : new CsvOutput(withParent(o.csvPrefix), o.csvFullHistory),
            (o, c, p) -> o.json ? JsonOutput.toStream(p.out()) : null,
            (o, c, p) -> o.jsonFile == null ? null : JsonOutput.toFile(withParent(o.jsonFile)),
            (o, c, p) -> o.junitFile == null ? null : new JUnitOutput(withParent(o.junitFile)),
            (o, c, p) -> o.htmlFile == null ? null : new HtmlOutput(withParent(o.htmlFile), reportParameters(o)));

    /** What the HTML report says about how the run was made. */
    static java.util.Map<String, String> reportParameters(RunOptions o) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("scenario", o.file);
        m.put("stampede", Version.VERSION);
        m.put("java", Runtime.version().toString());
        m.put("machine", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        return m;
    }

    static List<Output> create(RunOptions o, RunConfig c, ProcessContext process) throws UserError {
        List<Output> outputs = new ArrayList<>();
        for (Kind k : KINDS) {
            Output out = k.create(o, c, process);
            if (out != null) {
                outputs.add(out);
            }
        }
        return outputs;
    }

    /** The path, once its folder exists. */
    static Path withParent(String file) throws UserError {
        Path path = Path.of(file);
        Path parent = path.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new UserError(ExitCodes.USAGE, "cannot create folder " + parent + ": " + e.getMessage());
        }
        return path;
    }
}
