package io.stampede.cli;

import io.stampede.store.Comparison;
import io.stampede.store.ResultsStore;
import io.stampede.store.StoredRun;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stampede compare A B}: per name, how run B differs from run A; a regression is flagged only
 * when it is beyond the tolerance and significant on the two runs' samples.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two stored runs (ids, or latest and previous); exit 6 on a regression with --fail-on-regression.")
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "A", description = "The baseline run: an id, 'previous' or 'latest'.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The run judged against it: an id, 'previous' or 'latest'.")
    String b;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "10",
            description = "How much worse B's p50/p95/p99 or failure rate may be before it counts (default ${DEFAULT-VALUE}%%).")
    double tolerance;

    @Option(names = "--fail-on-regression", description = "Exit with 6 when B regressed against A.")
    boolean failOnRegression;

    @Override
    public Integer call() throws Exception {
        if (!(tolerance >= 0)) {
            throw new UserError(ExitCodes.USAGE, "--tolerance must be 0 or more, was " + tolerance);
        }
        ProcessContext p = main.process();
        try (ResultsStore s = store.openForReading(p.env())) {
            Comparison c = Comparison.of(run(s, a), run(s, b), tolerance / 100.0);
            p.out().print(c.render());
            return c.regressed() && failOnRegression ? ExitCodes.REGRESSION : ExitCodes.OK;
        }
    }

    /** A run named by id, 'latest' or 'previous' (the one before the latest). */
    static StoredRun run(ResultsStore s, String name) throws UserError {
        try {
            long id = switch (name) {
                case "latest" -> s.latestId();
                case "previous" -> previous(s);
                default -> Long.parseLong(name);
            };
            return s.load(id);
        } catch (NumberFormatException e) {
            throw new UserError(ExitCodes.USAGE, "a run is an id from 'stampede history', 'latest' or 'previous'; was " + name);
        } catch (NoSuchElementException e) {
            throw new UserError(ExitCodes.USAGE, "no run " + name + " in the results store");
        }
    }

    private static long previous(ResultsStore s) {
        var runs = s.runs();
        if (runs.size() < 2) {
            throw new NoSuchElementException();
        }
        return runs.get(runs.size() - 2).id();
    }
}
