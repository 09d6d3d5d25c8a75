package io.stampede.convert;

import java.util.Locale;
import java.util.Set;

/**
 * Which recorded request headers a scenario keeps. Kept: those the server reads to decide what to do
 * (Content-Type, Accept, custom X- headers). Left out: what the browser adds about itself
 * (User-Agent, sec-ch-*, Accept-Encoding, Connection, Referer ...) and what the transport sets
 * (Host, Content-Length). Authorization and Cookie are kept with their secrets replaced.
 */
final class HeaderPolicy {
    private static final Set<String> KEPT = Set.of("content-type", "accept", "authorization", "cookie",
            "proxy-authorization", "api-key", "apikey");

    private HeaderPolicy() {
    }

    static boolean keep(Header h) {
        String n = h.name().toLowerCase(Locale.ROOT);
        if (n.startsWith(":")) {
            return false; // HTTP/2 pseudo-headers
        }
        if (n.equals("accept") && h.value().equals("*/*")) {
            return false; // what every client sends
        }
        return KEPT.contains(n) || n.startsWith("x-");
    }
}
