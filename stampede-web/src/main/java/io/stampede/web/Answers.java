package io.stampede.web;

import io.javalin.http.Context;

/** How the endpoints answer: JSON, and downloads with a file name. */
final class Answers {
    private Answers() {
    }

    static void json(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }

    /** A CSV or JSON file the browser saves as {@code prefix_SECONDS.ext}, as Locust names its downloads. */
    static void download(Context ctx, String contentType, String prefix, String ext, String body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + prefix + "_" + System.currentTimeMillis() / 1000
                + "." + ext + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(contentType).result(body);
    }
}
