package io.stampede.http;

/**
 * What came back, before it is judged: status, reason, headers and body.
 *
 * @param headers looks a header up by name, case-insensitively
 */
public record RawResponse(int status, String reason, HeaderLookup headers, byte[] body) {
    /** Header access without parsing every header of every response up front. */
    @FunctionalInterface
    public interface HeaderLookup {
        String get(String name);
    }
}
