package io.stampede.http;

import java.time.Duration;
import java.util.List;

/**
 * A request ready to go on the wire.
 *
 * @param method e.g. "GET"
 * @param target a path ("/x?y=1") for the base host, or an absolute URL
 * @param headers name, value, name, value... (the session's defaults first)
 * @param body the body, or null
 * @param contentType the body's type when no header gives one
 * @param readTimeout how long the response may take
 */
public record Outgoing(String method, String target, List<String> headers, byte[] body, String contentType,
                Duration readTimeout) {
}
