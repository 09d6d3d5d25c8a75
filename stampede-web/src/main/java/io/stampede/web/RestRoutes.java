package io.stampede.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Locust's control and statistics endpoints: {@code POST /swarm}, {@code GET /stop},
 * {@code GET /stats/reset}, {@code GET /stats/requests}, {@code GET /exceptions}. A refused swarm
 * answers 400 (bad values) or 409 (not now) with Locust's {@code success: false} body, and changes nothing.
 */
final class RestRoutes {
    private RestRoutes() {
    }

    static void install(JavalinDefaultRoutingApi routes, WebControl control, WebOutput output) {
        routes.post("/swarm", ctx -> swarm(ctx, control));
        routes.get("/stop", ctx -> {
            control.stop();
            Answers.json(ctx, 200, answer(true, "Test stopped", null).toString());
        });
        routes.get("/stats/reset", ctx -> {
            control.resetStats();
            ctx.contentType("text/plain; charset=utf-8").result("ok");
        });
        routes.get("/stats/requests", ctx -> Answers.json(ctx, 200, output.requestsDocument().toString()));
        routes.get("/exceptions", ctx -> Answers.json(ctx, 200, StatsJson.exceptions(output.view().latest()).toString()));
    }

    private static void swarm(Context ctx, WebControl control) {
        boolean wasOn = control.state().active();
        try {
            SwarmForm f = SwarmForm.parse(ctx.formParamMap());
            control.swarm(f.users(), f.spawnRate(), f.host(), f.runTime());
            String message = wasOn ? "Users changed to " + f.users() : "Swarming started";
            ObjectNode a = answer(true, message, control.host());
            if (f.runTime() != null) {
                a.put("run_time", f.runTime().toMillis() / 1000.0);
            }
            Answers.json(ctx, 200, a.toString());
        } catch (IllegalArgumentException e) {
            Answers.json(ctx, 400, answer(false, e.getMessage(), control.host()).toString());
        } catch (IllegalStateException e) {
            Answers.json(ctx, 409, answer(false, e.getMessage(), control.host()).toString());
        }
    }

    private static ObjectNode answer(boolean success, String message, String host) {
        ObjectNode a = StatsJson.MAPPER.createObjectNode().put("success", success).put("message", message);
        if (host != null) {
            a.put("host", host);
        }
        return a;
    }
}
