package io.stampede.web;

import java.util.function.Supplier;

/**
 * One message of the live stream in Server-Sent Events form: {@code event: NAME}, one {@code data:}
 * line of JSON, a blank line. Rendered once however many browsers get it; a frame may be rendered
 * lazily, by the first connection that sends it, so the run's thread never builds a history.
 */
final class Frame {
    /** Not sent: tells a connection to end (its client was dropped, or the server closes). */
    static final Frame END = new Frame("end", () -> "{}");

    private final String event;
    private Supplier<String> data;
    private String text;

    private Frame(String event, Supplier<String> data) {
        this.event = event;
        this.data = data;
    }

    static Frame of(String event, String json) {
        Frame f = new Frame(event, null);
        f.text = render(event, json);
        return f;
    }

    static Frame lazy(String event, Supplier<String> json) {
        return new Frame(event, json);
    }

    String event() {
        return event;
    }

    synchronized String text() {
        if (text == null) {
            text = render(event, data.get());
            data = null;
        }
        return text;
    }

    private static String render(String event, String json) {
        // JSON from Jackson's compact writer has no line breaks, so one data line carries it
        return "event: " + event + "\ndata: " + json + "\n\n";
    }
}
