package io.stampede.convert;

import java.net.URI;
import java.util.List;

/**
 * One recorded request and its response (a HAR entry), with only what a scenario needs.
 *
 * @param index the entry's place in the recording, from 0, in start order
 * @param pageRef the HAR page it belongs to, or null
 * @param startMillis when it started (epoch milliseconds)
 * @param endMillis when its response had arrived
 * @param resourceType Chromium's {@code _resourceType} (document, fetch, xhr, image ...), or null
 * @param requestBody the posted text, or null
 * @param requestMime the posted text's MIME type, or null
 * @param responseBody the response text (decoded when the HAR holds it as base64), or null
 */
public record Exchange(int index, String pageRef, long startMillis, long endMillis, String method, URI url,
                       List<Header> requestHeaders, String requestBody, String requestMime, int status,
                       List<Header> responseHeaders, String responseMime, String responseBody, String resourceType) {
    public Exchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }

    /** scheme://host[:port] of the request, lower case, the default port left out. */
    String origin() {
        return Origins.of(url);
    }

    /** Path and query as sent. */
    String pathAndQuery() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    String requestHeader(String name) {
        return requestHeaders.stream().filter(h -> h.is(name)).map(Header::value).findFirst().orElse(null);
    }
}
