package io.stampede.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.stampede.report.LocustCsv;

/**
 * The downloads, at Locust's paths where Locust has one: the four CSV documents (rendered by the
 * same code as the command line's {@code --csv} files) and the JSON summary ({@code --json-file}'s
 * content). During a run they hold the run so far; after it, the final figures.
 */
final class DownloadRoutes {
    private static final String CSV = "text/csv; charset=utf-8";

    private DownloadRoutes() {
    }

    static void install(JavalinDefaultRoutingApi routes, WebOutput output) {
        routes.get("/stats/requests/csv", ctx -> Answers.download(ctx, CSV, "requests", "csv",
                LocustCsv.stats(output.view().latest())));
        routes.get("/stats/requests_full_history/csv", ctx -> Answers.download(ctx, CSV, "requests_full_history", "csv",
                output.historyCsv()));
        routes.get("/stats/failures/csv", ctx -> Answers.download(ctx, CSV, "failures", "csv",
                LocustCsv.failures(output.view().latest())));
        routes.get("/exceptions/csv", ctx -> Answers.download(ctx, CSV, "exceptions", "csv",
                LocustCsv.exceptions(output.view().latest())));
        routes.get("/stats/summary/json", ctx -> Answers.download(ctx, "application/json; charset=utf-8", "summary",
                "json", output.summaryJson()));
    }
}
