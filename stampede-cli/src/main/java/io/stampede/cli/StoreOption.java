package io.stampede.cli;

import io.stampede.store.ResultsStore;
import io.stampede.store.StoreUnavailableException;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where runs are kept: {@code --store FOLDER|JDBC_URL|off}, else the environment variable
 * STAMPEDE_STORE (bin/stampede sets it to results/ unless it is set), else nowhere.
 */
final class StoreOption {
    static final String VARIABLE = "STAMPEDE_STORE";

    @Option(names = "--store", paramLabel = "WHERE",
            description = "Keep the run in a results store: a folder (an H2 file in it), a jdbc: URL, or off (default: $STAMPEDE_STORE).")
    String store;

    /** The store's location, or null when runs are not kept. */
    String location(Map<String, String> env) {
        String where = store != null ? store : env.get(VARIABLE);
        return where == null || where.isBlank() || where.equals("off") ? null : where;
    }

    /** The store for the history commands, which need one. */
    ResultsStore openForReading(Map<String, String> env) throws UserError {
        String where = location(env);
        if (where == null) {
            throw new UserError(ExitCodes.USAGE, "no results store: give --store FOLDER or a jdbc: URL (or set " + VARIABLE + ")");
        }
        try {
            return ResultsStore.open(where);
        } catch (StoreUnavailableException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }
}
