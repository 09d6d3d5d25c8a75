package io.stampede.demo;

import io.stampede.demo.http.DemoServer;
import java.util.concurrent.CountDownLatch;

/** Starts the demo API and prints the one line scripts wait for: "Demo API listening on URL". */
public final class DemoMain {
    /** Flyway logs each migration through java.util.logging; the demo's output is its one URL line. Held
     * in a field because java.util.logging keeps loggers weakly and would forget the level. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        DemoConfig config;
        try {
            config = DemoConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("stampede-demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        FLYWAY_LOG.setLevel(java.util.logging.Level.SEVERE);
        DemoServer server = new DemoServer(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "demo-shutdown"));
        System.out.println("Demo API listening on " + server.url() + " (pool " + config.poolSize() + ", report delay "
                + config.reportDelay().toMillis() + " ms, report cache " + (config.reportCache() ? "on" : "off") + ")");
        System.out.flush();
        stopped.await();
    }
}
