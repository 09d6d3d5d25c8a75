package io.stampede.web;

import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /events}: the live stream (Server-Sent Events). The first message is the whole run so
 * far ({@code history}), then one {@code update} per interval and a {@code state} whenever the run's
 * state changes. Each connection sends from its own (virtual) thread, so a slow or vanished
 * browser holds up only itself; a comment every few seconds finds the vanished ones.
 */
final class EventStream {
    /** Well inside Jetty's 30 s idle timeout, so a quiet stream is never cut. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    private EventStream() {
    }

    static void serve(Context ctx, WebOutput output) {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        // a proxy in front must not hold the messages back
        res.setHeader("X-Accel-Buffering", "no");
        LiveClient client = output.connect();
        try {
            ServletOutputStream out = res.getOutputStream();
            // EventSource reconnects by itself after a drop; two seconds, not its default three
            send(out, "retry: 2000\n\n");
            while (true) {
                Frame f = client.next(KEEP_ALIVE);
                if (f == Frame.END) {
                    return;
                }
                send(out, f == null ? ": keep-alive\n\n" : f.text());
            }
        } catch (IOException e) {
            // the browser went away: nothing to tell anyone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            output.disconnect(client);
        }
    }

    private static void send(ServletOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
