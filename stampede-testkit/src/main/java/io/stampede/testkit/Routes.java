package io.stampede.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The built-in routes of {@link TargetServer}; custom ones are matched first. */
final class Routes {
    private Routes() {
    }

    static Map<String, Handler> builtIn() {
        Map<String, Handler> r = new HashMap<>();
        r.put("/fast", q -> Reply.text(200, "ok"));
        r.put("/slow", q -> {
            Thread.sleep(q.intParam("ms", 100));
            return Reply.text(200, "slow ok");
        });
        r.put("/bytes", q -> {
            byte[] b = new byte[q.intParam("n", 1024)];
            Arrays.fill(b, (byte) 'x');
            return new Reply.Answer(200, "application/octet-stream", b, false);
        });
        r.put("/echo", q -> new Reply.Answer(200, q.header("content-type") == null ? "application/octet-stream"
                : q.header("content-type"), q.body(), false));
        r.put("/json", q -> Reply.json(200, "{\"access\":\"t0k3n\",\"items\":[1,2,3]}"));
        r.put("/chunked", q -> new Reply.Answer(200, "text/plain", "chunk-one|chunk-two|chunk-three".getBytes(StandardCharsets.UTF_8), true));
        r.put("/reset", q -> new Reply.Reset());
        r.put("/close", q -> new Reply.Close());
        r.put("/hang", q -> new Reply.Hang());
        r.put("/partial", q -> new Reply.Partial(100, 10));
        return r;
    }

    /** "/status/503" answers 503. */
    static Reply status(String path) {
        int code = Integer.parseInt(path.substring("/status/".length()));
        return Reply.text(code, "status " + code);
    }
}
