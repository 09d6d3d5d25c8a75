package io.stampede.convert;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which names (of headers, JSON fields, query and form parameters, cookies) hold secrets. */
final class SecretNames {
    private static final Set<String> EXACT = Set.of("access", "refresh", "pass", "pwd", "key", "sig", "auth", "sid",
            "code", "otp", "pin", "authorization", "proxy-authorization", "cookie");
    private static final String[] PARTS = {"password", "passwd", "secret", "token", "apikey", "api_key", "api-key",
            "session", "csrf", "xsrf", "jwt", "signature", "credential", "bearer"};
    /** A JSON Web Token wherever it is: three base64url parts, the first two JSON objects ("eyJ"). */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    private SecretNames() {
    }

    static boolean isSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (EXACT.contains(n)) {
            return true;
        }
        for (String p : PARTS) {
            if (n.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** A header whose whole value is a secret, besides Authorization (X-Api-Key, X-CSRF-Token ...). */
    static boolean isSecretHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.equals("cookie") && (n.equals("authorization") || n.equals("proxy-authorization")
                || (isSecret(n) && (n.startsWith("x-") || n.startsWith("api"))));
    }
}
