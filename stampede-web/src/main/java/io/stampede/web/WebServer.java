package io.stampede.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The web UI's HTTP server: the page, Locust's REST endpoints, the live stream, the downloads and
 * (when given) {@code /metrics}. It listens only where it is told, and with {@code auth} every
 * path, the page's files included, asks for that user and password. Javalin (on Jetty) is the
 * server; no other class outside this package's route classes knows it.
 */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final String bindHost;
    private final StateWatcher watcher;
    private final WebOutput output;

    private WebServer(Javalin app, String bindHost, WebOutput output) {
        this.app = app;
        this.bindHost = bindHost;
        this.output = output;
        this.watcher = new StateWatcher(output);
    }

    /**
     * Starts serving at once.
     *
     * @param bindHost the address to listen on ("127.0.0.1" keeps it on this machine; "0.0.0.0", "*", empty
     *                 or null: every interface, as Locust's empty {@code --web-host})
     * @param port the port; 0 picks a free one (see {@link #port()})
     * @param auth "user:password" for HTTP basic authentication, or null for none
     * @param metrics the text of {@code GET /metrics} (Prometheus format), or null to answer 404 there
     * @throws PortInUseException when the port is taken (a one-line message)
     * @throws UncheckedIOException when it cannot listen there for another reason
     * @throws IllegalArgumentException when {@code auth} is not user:password
     */
    public static WebServer start(String bindHost, int port, String auth, WebControl control, WebOutput output,
                                  Supplier<String> metrics) {
        return start(bindHost, port, auth, control, output, metrics, null);
    }

    /**
     * As {@link #start(String, int, String, WebControl, WebOutput, Supplier)}, with the HTML report of
     * the last finished run at {@code GET /stats/report} ({@code htmlReport} gives it, or null while
     * there is none; a null supplier answers 404 there).
     */
    public static WebServer start(String bindHost, int port, String auth, WebControl control, WebOutput output,
                                  Supplier<String> metrics, Supplier<String> htmlReport) {
        String listen = bindHost == null || bindHost.isBlank() || bindHost.equals("*") ? "0.0.0.0" : bindHost;
        BasicAuth basic = BasicAuth.of(auth);
        PageAssets assets = PageAssets.load();
        output.bind(control);
        Javalin app = Javalin.create(config -> configure(config, basic, control, output, metrics, htmlReport, assets));
        try {
            app.start(listen, port);
        } catch (RuntimeException e) {
            app.stop();
            throw startFailure(listen, port, e);
        }
        return new WebServer(app, listen, output);
    }

    /**
     * Javalin words every bind failure as a port in use; the socket's own exception says which it
     * was (the port taken, or an address this machine does not have).
     */
    private static UncheckedIOException startFailure(String host, int port, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = "cannot start the web UI on " + host + ":" + port + ": ";
        IOException cause = root instanceof IOException io ? io : new IOException(root);
        String said = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (e instanceof JavalinBindException && said.toLowerCase(Locale.ROOT).contains("in use")) {
            return new PortInUseException(where + "the port is in use (choose another)", cause);
        }
        return new UncheckedIOException(where + said.lines().findFirst().orElse(said), cause);
    }

    private static void configure(JavalinConfig config, BasicAuth auth, WebControl control, WebOutput output,
                                  Supplier<String> metrics, Supplier<String> htmlReport, PageAssets assets) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        // each live-stream connection blocks its thread while it waits for the next interval
        config.concurrency.useVirtualThreads = true;
        var routes = config.routes;
        if (auth != null) {
            routes.before(ctx -> {
                if (!auth.allows(ctx.header("Authorization"))) {
                    ctx.header("WWW-Authenticate", BasicAuth.CHALLENGE);
                    ctx.status(401).contentType("text/plain; charset=utf-8").result("authentication required");
                    ctx.skipRemainingHandlers();
                }
            });
        }
        for (String path : new String[] {"/swarm", "/stop", "/stats/reset"}) {
            routes.before(path, ctx -> {
                String refusal = CrossSiteGuard.refusal(ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Host"));
                if (refusal != null) {
                    Answers.json(ctx, 403, StatsJson.MAPPER.createObjectNode().put("success", false)
                            .put("message", refusal).toString());
                    ctx.skipRemainingHandlers();
                }
            });
        }
        assets.install(routes);
        RestRoutes.install(routes, control, output);
        DownloadRoutes.install(routes, output);
        routes.get("/events", ctx -> EventStream.serve(ctx, output));
        routes.get("/metrics", ctx -> {
            if (metrics == null) {
                ctx.status(404).result("no metrics here: Prometheus metrics are not enabled");
            } else {
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get());
            }
        });
        routes.get("/stats/report", ctx -> {
            String page = htmlReport == null ? null : htmlReport.get();
            if (page == null) {
                ctx.status(404).contentType("text/plain; charset=utf-8")
                        .result("no HTML report yet: it is written when a run has finished");
            } else {
                if (ctx.queryParam("download") != null) {
                    ctx.header("Content-Disposition", "attachment; filename=\"stampede_report.html\"");
                }
                ctx.contentType("text/html; charset=utf-8").result(page);
            }
        });
        routes.exception(Exception.class, (e, ctx) -> Answers.json(ctx, 500, StatsJson.MAPPER.createObjectNode()
                .put("success", false).put("message", "the web UI failed: " + e).toString()));
    }

    /** Where a browser on this machine finds the page. */
    public URI url() {
        String host = switch (bindHost) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
        };
        return URI.create("http://" + host + ":" + port() + "/");
    }

    public int port() {
        return app.port();
    }

    /** Stops serving: open streams end, the port is free when this returns. The run is not touched. */
    @Override
    public void close() {
        watcher.close();
        output.closeStreams();
        app.stop();
    }
}
