package io.stampede;

/**
 * A user's HTTP client. Paths are relative to the run's host; a full URL is used as it is. Every
 * call records one sample, named by the path (or {@link RequestBuilder#name}). A response with status
 * 400 or more, or a transport error (refused, reset, timeout), counts as a failure unless the script
 * decides otherwise with {@link RequestBuilder#catchResponse()}.
 *
 * <p>Methods do not throw for HTTP or network errors: check {@link Response#ok()} or
 * {@link Response#error()}.
 */
public interface HttpSession {
    /** {@code GET path}. */
    Response get(String path);

    /** {@code POST path} with a JSON body ({@code Content-Type: application/json}). */
    Response post(String path, String jsonBody);

    /** {@code PUT path} with a JSON body. */
    Response put(String path, String jsonBody);

    /** {@code DELETE path}. */
    Response delete(String path);

    /** A request to build: add headers, a body or a statistics name, then {@link RequestBuilder#send()}. */
    RequestBuilder request(String method, String path);

    /** Adds a header to every later request of this user (for example an Authorization token). */
    HttpSession defaultHeader(String name, String value);
}
