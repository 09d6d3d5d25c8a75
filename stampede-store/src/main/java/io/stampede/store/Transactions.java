package io.stampede.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs a piece of SQL work on one pooled connection in one transaction: all of it is stored, or none. */
final class Transactions {
    private Transactions() {
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T inTransaction(DataSource pool, Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }
}
