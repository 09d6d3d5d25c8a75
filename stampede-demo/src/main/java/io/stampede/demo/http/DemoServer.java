package io.stampede.demo.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stampede.demo.DemoConfig;
import io.stampede.demo.auth.Tokens;
import io.stampede.demo.db.Database;
import io.stampede.demo.db.Seeder;
import io.stampede.demo.db.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo API: the JDK's HTTP server, a virtual thread per request, in front of a database with a
 * bounded pool. Requests are never refused at the door; they queue for database connections, as in
 * a typical service, which is what makes the pool's limit visible under load.
 */
public final class DemoServer implements AutoCloseable {
    private final Database db;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** Requests received, so that tests compare what a load tool says with what the server saw. */
    private final LongAdder served = new LongAdder();
    /** The same, by method and path (without the query), for tests that check what a scenario sent where. */
    private final Map<String, LongAdder> servedByRoute = new ConcurrentHashMap<>();

    public DemoServer(DemoConfig config) throws IOException, SQLException {
        db = new Database(config);
        try {
            Seeder.seedIfEmpty(db.dataSource());
            server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 4096);
            server.createContext("/", new Api(new Store(db.dataSource(), config.reportDelay()),
                    new Tokens(config.accessTtl(), config.refreshTtl()), config.reportCache()))
                    .getFilters().add(new Filter() {
                        @Override
                        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                            served.increment(); // on arrival: a response the client has read was counted before
                            servedByRoute.computeIfAbsent(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath(),
                                    k -> new LongAdder()).increment();
                            chain.doFilter(exchange);
                        }

                        @Override
                        public String description() {
                            return "counts the requests received";
                        }
                    });
            server.setExecutor(executor);
            server.start();
        } catch (IOException | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** How many requests the API has received since it started. */
    public long requestsServed() {
        return served.sum();
    }

    /** How many {@code method path} requests (the path without its query) the API has received. */
    public long requestsServed(String method, String path) {
        LongAdder n = servedByRoute.get(method + " " + path);
        return n == null ? 0 : n.sum();
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
