package io.stampede.demo.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stampede.demo.DemoConfig;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database behind a bounded HikariCP pool: embedded H2 by default, PostgreSQL with --jdbc-url.
 * The pool is the point of the demo: a fixed number of connections caps what the slow report can
 * serve, the way a real service's pool does.
 */
public final class Database implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final HikariDataSource pool;
    private final boolean postgres;

    public Database(DemoConfig config) {
        String url = config.jdbcUrl() != null ? config.jdbcUrl()
                : "jdbc:h2:mem:demo" + INSTANCES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        postgres = url.startsWith("jdbc:postgresql:");
        HikariConfig h = new HikariConfig();
        h.setJdbcUrl(url);
        h.setUsername(config.dbUser());
        h.setPassword(config.dbPassword());
        h.setMaximumPoolSize(config.poolSize());
        h.setMinimumIdle(Math.min(config.poolSize(), 10));
        h.setConnectionTimeout(Math.max(250, config.poolTimeout().toMillis()));
        h.setPoolName("demo-db");
        pool = new HikariDataSource(h);
        Flyway.configure().dataSource(pool).cleanDisabled(true)
                .locations("classpath:db/migration/common")
                .load().migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean postgres() {
        return postgres;
    }

    @Override
    public void close() {
        pool.close();
    }
}
