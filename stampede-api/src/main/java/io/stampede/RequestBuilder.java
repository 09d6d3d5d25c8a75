package io.stampede;

import java.time.Duration;

/** One request being built. Not reusable after {@link #send()} or {@link #catchResponse()}. */
public interface RequestBuilder {
    RequestBuilder header(String name, String value);

    /** A UTF-8 body; {@code Content-Type} is {@code application/json} unless a header says otherwise. */
    RequestBuilder body(String body);

    RequestBuilder body(byte[] body, String contentType);

    /** The name the statistics group this request under, like Locust's {@code name=}. */
    RequestBuilder name(String statsName);

    /** A read timeout for this request instead of the run's default. */
    RequestBuilder timeout(Duration timeout);

    /** Sends the request and records it, failed when the status is 400 or more or the transport failed. */
    Response send();

    /**
     * Sends the request and lets the script decide whether it failed (Locust's {@code catch_response}):
     * the sample is recorded when the returned response is closed, as a failure if
     * {@link CaughtResponse#failure} was called, as a success if {@link CaughtResponse#success} was,
     * and by status otherwise. Use it in try-with-resources.
     */
    CaughtResponse catchResponse();
}
