package io.stampede.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import org.flywaydb.core.Flyway;

/**
 * The history of runs: an embedded H2 file in a results folder by default, or any database a JDBC
 * URL names (PostgreSQL included), behind a small HikariCP pool, its schema kept by Flyway
 * ({@code db/migration/stampede}). Opening it also marks runs whose process died mid-way as
 * incomplete ({@link AbandonedRuns}). Thread-safe; docs/run-history.md has the schema and the rules.
 */
public final class ResultsStore implements AutoCloseable {
    /** A writer and a reader at the same time are all a run needs. */
    private static final int POOL_SIZE = 3;
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    /** H2's error codes (org.h2.api.ErrorCode) for a file held open elsewhere, unreadable, or corrupted. */
    private static final int H2_IN_USE = 90020;
    private static final int H2_IO = 90028;
    private static final int H2_CORRUPTED = 90030;

    private final HikariDataSource pool;
    private final StoreLocation location;

    private ResultsStore(HikariDataSource pool, StoreLocation location) {
        this.pool = pool;
        this.location = location;
    }

    /**
     * Opens (and creates or migrates) the store.
     *
     * @param jdbcUrlOrFolder a {@code jdbc:} URL, used as given (user and password inside it), or a folder,
     *        created if missing, that holds the H2 file {@code stampede-results.mv.db}
     * @throws StoreUnavailableException with a one-line message when it cannot be opened
     */
    public static ResultsStore open(String jdbcUrlOrFolder) {
        StoreLocation location = StoreLocation.of(jdbcUrlOrFolder);
        HikariDataSource pool;
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(location.jdbcUrl());
            config.setPoolName("stampede-store");
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot open the results store " + location.description() + ": "
                    + cause(e, location), e);
        }
        try {
            migrate(pool);
            try (Connection c = pool.getConnection()) {
                AbandonedRuns.mark(c, System.currentTimeMillis());
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreUnavailableException("cannot open the results store " + location.description() + ": "
                    + cause(e, location), e);
        }
        return new ResultsStore(pool, location);
    }

    /**
     * Its own history table, so an application's Flyway history in the same database is left alone;
     * a baseline on a database that already holds other tables, so that such a database is usable.
     * Logging through SLF4J, which has no binding but NOP here: Flyway's progress lines would
     * otherwise land on the run's console through java.util.logging.
     */
    private static void migrate(HikariDataSource pool) {
        Flyway.configure().dataSource(pool).cleanDisabled(true).loggers("slf4j")
                .locations("classpath:db/migration/stampede")
                .table("stampede_schema_history")
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
    }

    private static String cause(Throwable e, StoreLocation location) {
        String line = StoreLocation.masked(StoreUnavailableException.firstLine(e));
        if (line.contains("Failed to get driver instance") || line.contains("No suitable driver")) {
            return "no JDBC driver for this URL (built in: H2 jdbc:h2:..., PostgreSQL jdbc:postgresql://...)";
        }
        if (location.embedded()) {
            int code = h2ErrorCode(e);
            if (code == H2_IN_USE) {
                return "another process has it open (an H2 file serves one process at a time; use PostgreSQL to share a store)";
            }
            if (code == H2_IO || code == H2_CORRUPTED) {
                return "the file is damaged or is not an H2 database (" + line + ")";
            }
        }
        return line;
    }

    private static int h2ErrorCode(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getErrorCode() >= 90000) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }

    /** The store as it should appear in messages: the H2 file, or the URL with any password masked. */
    public String description() {
        return location.description();
    }

    /**
     * A new output that records each run it is given into this store.
     *
     * @param scenario what is run, as the history should name it (the scenario file); null or blank
     *        names it by its user classes
     */
    public StoreOutput output(String scenario) {
        return new StoreOutput(pool, location.description(), scenario, StoreOutput.QUEUE_CAPACITY);
    }

    /** Every run, oldest first. */
    public List<RunSummary> runs() {
        return read("list the runs", RunReader::summaries);
    }

    /**
     * One run with everything stored of it.
     *
     * @throws NoSuchElementException when there is no run with that id
     */
    public StoredRun load(long id) {
        return read("read run " + id, c -> RunReader.load(c, id));
    }

    /**
     * The id of the newest run.
     *
     * @throws NoSuchElementException when the store holds no run yet
     */
    public long latestId() {
        return read("find the latest run", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT MAX(id) FROM runs");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                if (rs.wasNull()) {
                    throw new NoSuchElementException("the results store " + description() + " holds no runs yet");
                }
                return id;
            }
        });
    }

    private <T> T read(String what, Transactions.Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the results store " + description() + " could not " + what + ": "
                    + cause(e, location), e);
        } catch (IllegalArgumentException e) {
            // A stored value the codec refuses: another format version, or damage.
            throw new StoreUnavailableException("the results store " + description() + " could not " + what + ": "
                    + StoreUnavailableException.firstLine(e), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
