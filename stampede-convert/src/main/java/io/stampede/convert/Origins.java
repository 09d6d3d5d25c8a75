package io.stampede.convert;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which hosts of a recording the scenario talks to: the recorded host, and those asked for. */
final class Origins {
    private Origins() {
    }

    /** scheme://host[:port], lower case, without the scheme's default port. */
    static String of(URI url) {
        String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = url.getPort();
        boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * The recorded host: the origin of most of the requests that are not static assets (an API
     * behind a page served elsewhere is what a load test is about); on a tie, the first seen.
     */
    static String main(List<Exchange> candidates) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Exchange x : candidates) {
            counts.merge(x.origin(), 1, Integer::sum);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * Whether {@code --include-host} names this origin: a whole origin ({@code https://cdn.example}),
     * a host with its port ({@code 127.0.0.1:8081}) or a host alone (any port).
     */
    static boolean named(URI url, Set<String> included) {
        String origin = of(url);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String hostPort = url.getPort() < 0 ? host : host + ":" + url.getPort();
        for (String name : included) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith("/")) {
                n = n.substring(0, n.length() - 1);
            }
            if (n.equals(origin) || n.equals(host) || n.equals(hostPort)) {
                return true;
            }
        }
        return false;
    }
}
