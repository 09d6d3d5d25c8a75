package io.stampede.cli;

import io.stampede.core.output.Output;
import io.stampede.report.ConsoleOutput;
import io.stampede.report.CsvOutput;
import io.stampede.report.JUnitOutput;
import io.stampede.report.JsonOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the outputs the flags ask for. */
final class Outputs {
    private Outputs() {
    }

    static List<Output> create(RunOptions o, RunCommand.Settings s, ProcessContext process) throws UserError {
        List<Output> outputs = new ArrayList<>();
        // With --json, standard output carries only the JSON document; the tables go to standard error.
        outputs.add(new ConsoleOutput(o.json ? process.err() : process.out(), s.liveInterval(), o.onlySummary));
        if (o.csvPrefix != null) {
            Path prefix = Path.of(o.csvPrefix);
            createParent(prefix);
            outputs.add(new CsvOutput(prefix, o.csvFullHistory));
        }
        if (o.json) {
            outputs.add(JsonOutput.toStream(process.out()));
        }
        if (o.jsonFile != null) {
            Path file = Path.of(o.jsonFile);
            createParent(file);
            outputs.add(JsonOutput.toFile(file));
        }
        if (o.junitFile != null) {
            Path file = Path.of(o.junitFile);
            createParent(file);
            outputs.add(new JUnitOutput(file));
        }
        return outputs;
    }

    private static void createParent(Path file) throws UserError {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new UserError(ExitCodes.USAGE, "cannot create folder " + parent + ": " + e.getMessage());
        }
    }
}
