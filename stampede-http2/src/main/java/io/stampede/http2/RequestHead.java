package io.stampede.http2;

import io.stampede.http.HttpClientConfig;
import io.stampede.http.Outgoing;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;

/**
 * An {@link Outgoing} request as an HTTP/2 request head: where it goes (its origin and path, resolved
 * as the HTTP/1.1 transport resolves them) and its header fields, without the connection-specific
 * ones HTTP/2 forbids (RFC 9113, 8.2.2); a {@code Host} header becomes the {@code :authority}.
 */
record RequestHead(Origin origin, MetaData.Request meta) {
    private static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "host", "content-length");

    static RequestHead of(Outgoing req, HttpClientConfig config, Origin base) {
        String t = req.target();
        Origin origin = base;
        String path = t;
        if (t.startsWith("http://") || t.startsWith("https://")) {
            URI uri = URI.create(t);
            origin = Origin.of(uri);
            path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
        } else {
            if (!t.startsWith("/")) {
                path = "/" + t;
            }
            String basePath = config.baseUri().getRawPath();
            if (basePath != null && !basePath.isEmpty() && !basePath.equals("/")) {
                path = basePath + path;
            }
        }
        HttpFields.Mutable fields = HttpFields.build(req.headers().size() / 2 + 2);
        fields.put("user-agent", config.userAgent());
        String authority = origin.authority();
        boolean hasType = false;
        List<String> h = req.headers();
        for (int i = 0; i < h.size(); i += 2) {
            String name = h.get(i).toLowerCase(Locale.ROOT);
            if (name.equals("host")) {
                authority = h.get(i + 1);
            } else if (!CONNECTION_SPECIFIC.contains(name)) {
                fields.add(name, h.get(i + 1));
                hasType |= name.equals("content-type");
            }
        }
        long length = -1;
        if (req.body() != null) {
            length = req.body().length;
            fields.put("content-length", Long.toString(length));
            if (!hasType && req.contentType() != null) {
                fields.put("content-type", req.contentType());
            }
        }
        int q = path.indexOf('?');
        HttpURI uri = HttpURI.build().scheme(origin.scheme()).authority(authority)
                .path(q < 0 ? path : path.substring(0, q)).query(q < 0 ? null : path.substring(q + 1));
        return new RequestHead(origin, new MetaData.Request(req.method(), uri, HttpVersion.HTTP_2, fields, length));
    }
}
