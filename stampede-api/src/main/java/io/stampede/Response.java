package io.stampede;

/** A received response, or the transport error that stood in its place. */
public interface Response {
    /** The HTTP status, or 0 when no response arrived (see {@link #error()}). */
    int status();

    /** The body decoded as UTF-8 (empty when there was none). */
    String text();

    byte[] bytes();

    /** The body parsed as JSON; a body that is not JSON gives {@link Json#isMissing() missing}. */
    Json json();

    /** The first value of a header, case-insensitive, or null. */
    String header(String name);

    /** Whether the request counts as a success. */
    boolean ok();

    /** Why the request failed ("HTTP 500", "connection refused", ...), or null when it succeeded. */
    String error();

    /** Time from sending the request to the end of the response body, in milliseconds. */
    double elapsedMillis();
}
