package io.stampede.cli;

import io.stampede.store.HistoryTable;
import io.stampede.store.ResultsStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code stampede history}: the stored runs, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the runs kept in the results store.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws Exception {
        ProcessContext p = main.process();
        try (ResultsStore s = store.openForReading(p.env())) {
            p.out().print(HistoryTable.render(s.runs()));
            return ExitCodes.OK;
        }
    }
}
