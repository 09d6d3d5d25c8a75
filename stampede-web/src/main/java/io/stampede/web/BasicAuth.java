package io.stampede.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HTTP basic authentication against one {@code user:password} (Locust's {@code --web-auth}). The
 * comparison takes the same time wherever the first wrong byte is, so it cannot be guessed byte by byte.
 */
final class BasicAuth {
    /** The header of a 401 answer: browsers ask for a name and password, in UTF-8. */
    static final String CHALLENGE = "Basic realm=\"Stampede\", charset=\"UTF-8\"";

    private final byte[] expected;

    private BasicAuth(String credentials) {
        this.expected = credentials.getBytes(StandardCharsets.UTF_8);
    }

    /** @param credentials "user:password"; null: no authentication (every request passes) */
    static BasicAuth of(String credentials) {
        if (credentials == null) {
            return null;
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("web auth must be user:password, with a user name before the colon");
        }
        return new BasicAuth(credentials);
    }

    /** Whether an {@code Authorization} header carries the right user and password. */
    boolean allows(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, expected);
    }
}
