package io.stampede.web;

import java.net.URI;

/**
 * Refuses the control endpoints ({@code /swarm}, {@code /stop}, {@code /stats/reset}) to pages of
 * other sites. Without it any web page open in the same browser could post a form to
 * {@code http://127.0.0.1:8089/swarm} and aim the load at a host of its choosing. Browsers say
 * where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); scripts and curl send
 * neither and pass, as with Locust.
 */
final class CrossSiteGuard {
    private CrossSiteGuard() {
    }

    /** Null when the request may go on, else why not. */
    static String refusal(String secFetchSite, String origin, String host) {
        if (secFetchSite != null && !secFetchSite.equals("same-origin") && !secFetchSite.equals("none")) {
            return "refused: this request came from another site (" + secFetchSite + ")";
        }
        if (origin != null) {
            String authority;
            try {
                authority = URI.create(origin).getRawAuthority();
            } catch (IllegalArgumentException e) {
                authority = null;
            }
            if (authority == null || host == null || !authority.equalsIgnoreCase(host)) {
                return "refused: this request came from " + origin + ", not from this page";
            }
        }
        return null;
    }
}
