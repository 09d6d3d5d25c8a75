package io.stampede.web;

import java.time.Duration;

/**
 * Tells the browsers when the run's state, users or host change, also between intervals (a stop
 * from another tab, the moment a run has finished), by looking a few times a second. Looking is
 * cheaper than a listener threaded through the driver, and the page need not poll.
 */
final class StateWatcher implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(200);

    private final WebOutput output;
    private final Thread thread;

    StateWatcher(WebOutput output) {
        this.output = output;
        this.thread = Thread.ofVirtual().name("stampede-web-state").start(this::loop);
    }

    private void loop() {
        String last = null;
        try {
            while (true) {
                try {
                    WebControl c = output.control();
                    String now = c.state() + " " + c.targetUsers() + " " + output.view().latest().users() + " " + c.host();
                    if (!now.equals(last)) {
                        output.publishState();
                        last = now;
                    }
                } catch (RuntimeException e) {
                    // a control that fails to answer once must not end the watching; the updates go on anyway
                }
                Thread.sleep(PERIOD);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
