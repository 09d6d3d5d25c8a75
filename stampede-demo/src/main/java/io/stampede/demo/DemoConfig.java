package io.stampede.demo;

import java.time.Duration;

/**
 * The demo API's settings, from its command line.
 *
 * @param port 0 for any free port
 * @param bind the address to listen on (loopback unless told otherwise)
 * @param poolSize database connections (HikariCP maximumPoolSize)
 * @param poolTimeout how long a request waits for a connection before the answer is 503
 * @param reportDelay how long the fee report holds its connection (the "slow disk")
 * @param reportCache whether report results are cached per term
 * @param jdbcUrl null for the embedded H2 database
 */
public record DemoConfig(int port, String bind, int poolSize, Duration poolTimeout, Duration reportDelay,
                         boolean reportCache, String jdbcUrl, String dbUser, String dbPassword,
                         Duration accessTtl, Duration refreshTtl) {
    public static DemoConfig defaults() {
        return new DemoConfig(0, "127.0.0.1", 30, Duration.ofSeconds(5), Duration.ofMillis(800), false, null, "sa", "",
                Duration.ofMinutes(5), Duration.ofDays(1));
    }

    public static DemoConfig parse(String[] args) {
        DemoConfig c = defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                throw new IllegalArgumentException("usage: stampede-demo [--port N] [--bind ADDR] [--pool-size N] "
                        + "[--pool-timeout 5s] [--report-delay 800ms] [--report-cache on|off] [--jdbc-url URL "
                        + "--db-user U --db-password P] [--access-ttl 5m]");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            c = switch (flag) {
                case "--port" -> c.with(Integer.parseInt(v), c.bind, c.poolSize, c.poolTimeout, c.reportDelay, c.reportCache, c.jdbcUrl, c.dbUser, c.dbPassword, c.accessTtl);
                case "--bind" -> c.with(c.port, v, c.poolSize, c.poolTimeout, c.reportDelay, c.reportCache, c.jdbcUrl, c.dbUser, c.dbPassword, c.accessTtl);
                case "--pool-size" -> c.with(c.port, c.bind, Integer.parseInt(v), c.poolTimeout, c.reportDelay, c.reportCache, c.jdbcUrl, c.dbUser, c.dbPassword, c.accessTtl);
                case "--pool-timeout" -> c.with(c.port, c.bind, c.poolSize, duration(v), c.reportDelay, c.reportCache, c.jdbcUrl, c.dbUser, c.dbPassword, c.accessTtl);
                case "--report-delay" -> c.with(c.port, c.bind, c.poolSize, c.poolTimeout, duration(v), c.reportCache, c.jdbcUrl, c.dbUser, c.dbPassword, c.accessTtl);
                case "--report-cache" -> c.with(c.port, c.bind, c.poolSize, c.poolTimeout, c.reportDelay, onOff(v), c.jdbcUrl, c.dbUser, c.dbPassword, c.accessTtl);
                case "--jdbc-url" -> c.with(c.port, c.bind, c.poolSize, c.poolTimeout, c.reportDelay, c.reportCache, v, c.dbUser, c.dbPassword, c.accessTtl);
                case "--db-user" -> c.with(c.port, c.bind, c.poolSize, c.poolTimeout, c.reportDelay, c.reportCache, c.jdbcUrl, v, c.dbPassword, c.accessTtl);
                case "--db-password" -> c.with(c.port, c.bind, c.poolSize, c.poolTimeout, c.reportDelay, c.reportCache, c.jdbcUrl, c.dbUser, v, c.accessTtl);
                case "--access-ttl" -> c.with(c.port, c.bind, c.poolSize, c.poolTimeout, c.reportDelay, c.reportCache, c.jdbcUrl, c.dbUser, c.dbPassword, duration(v));
                default -> throw new IllegalArgumentException("unknown flag " + flag + " (see --help)");
            };
        }
        if (c.poolSize < 1) {
            throw new IllegalArgumentException("--pool-size must be 1 or more");
        }
        return c;
    }

    private DemoConfig with(int port, String bind, int poolSize, Duration poolTimeout, Duration reportDelay,
                            boolean reportCache, String jdbcUrl, String dbUser, String dbPassword, Duration accessTtl) {
        return new DemoConfig(port, bind, poolSize, poolTimeout, reportDelay, reportCache, jdbcUrl, dbUser, dbPassword,
                accessTtl, refreshTtl);
    }

    private static boolean onOff(String v) {
        return switch (v) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--report-cache takes on or off, was " + v);
        };
    }

    /** "800ms", "5s", "2m". */
    static Duration duration(String v) {
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
            }
            return Duration.ofMillis(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a duration (examples: 800ms, 5s, 2m)");
        }
    }
}
