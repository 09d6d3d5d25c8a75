package io.stampede.demo.http;

import com.sun.net.httpserver.HttpServer;
import io.stampede.demo.DemoConfig;
import io.stampede.demo.auth.Tokens;
import io.stampede.demo.db.Database;
import io.stampede.demo.db.Seeder;
import io.stampede.demo.db.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo API: the JDK's HTTP server, a virtual thread per request, in front of a database with a
 * bounded pool. Requests are never refused at the door; they queue for database connections, as in
 * a typical service, which is what makes the pool's limit visible under load.
 */
public final class DemoServer implements AutoCloseable {
    private final Database db;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public DemoServer(DemoConfig config) throws IOException, SQLException {
        db = new Database(config);
        try {
            Seeder.seedIfEmpty(db.dataSource());
            server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 4096);
            server.createContext("/", new Api(new Store(db.dataSource(), config.reportDelay()),
                    new Tokens(config.accessTtl(), config.refreshTtl()), config.reportCache()));
            server.setExecutor(executor);
            server.start();
        } catch (IOException | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        db.close();
    }
}
