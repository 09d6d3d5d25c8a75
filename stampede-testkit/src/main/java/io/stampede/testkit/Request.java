package io.stampede.testkit;

import java.util.Map;

/**
 * A request as the test server read it.
 *
 * @param method e.g. "GET"
 * @param path the path without the query string
 * @param query query parameters (last value wins)
 * @param headers header names in lower case
 * @param body the request body
 */
public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    public int intParam(String name, int fallback) {
        String v = query.get(name);
        return v == null ? fallback : Integer.parseInt(v);
    }
}
