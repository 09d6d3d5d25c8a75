package io.stampede.convert;

import java.util.List;

/**
 * A page or logical step of the recording: requests the browser sent close together.
 *
 * @param thinkMillis the pause the person took before it: from the end of the previous step's last
 *                    response to this step's first request (0 for the first step)
 * @param title the HAR page's title, or null
 */
record Step(List<Exchange> exchanges, long thinkMillis, String title) {
    Step {
        exchanges = List.copyOf(exchanges);
    }

    long startMillis() {
        return exchanges.getFirst().startMillis();
    }
}
