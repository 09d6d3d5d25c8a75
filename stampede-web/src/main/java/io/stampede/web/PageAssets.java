package io.stampede.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page and its files, all from this jar (the page needs no internet): {@code /} is the page,
 * {@code /static/NAME} its scripts and styles, uPlot's among them, taken from its WebJar. Only the
 * files listed here are served, read once at start.
 */
final class PageAssets {
    private static final String UI = "/io/stampede/web/ui/";
    private static final List<String> FILES = List.of("index.html", "style.css", "dom.js", "format.js", "stats-table.js",
            "charts.js", "panels.js", "forms.js", "live.js", "app.js");

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private PageAssets() {
    }

    static PageAssets load() {
        PageAssets a = new PageAssets();
        for (String f : FILES) {
            a.files.put(f, read(UI + f));
        }
        String dist = io.stampede.report.UplotWebJar.dist();
        a.files.put("uPlot.iife.min.js", read(dist + "uPlot.iife.min.js"));
        a.files.put("uPlot.min.css", read(dist + "uPlot.min.css"));
        return a;
    }

    void install(JavalinDefaultRoutingApi routes) {
        routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(files.get("index.html")));
        routes.get("/static/{name}", ctx -> {
            String name = ctx.pathParam("name");
            byte[] body = files.get(name);
            if (body == null || name.equals("index.html")) {
                ctx.status(404).result("no such file");
                return;
            }
            ctx.contentType(type(name)).result(body);
        });
    }

    private static String type(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "application/octet-stream";
    }


    private static byte[] read(String resource) {
        try (InputStream in = PageAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the web UI's file " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
