package io.stampede.convert;

import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Java names and literals for the written scenario. */
final class JavaNames {
    /** Names a step method must not take: they are the user's own (User, HttpUser) or the file's helpers. */
    private static final Set<String> TAKEN = Set.of("onStart", "onStop", "waitTime", "random", "userId", "check",
            "stopUser", "runtime", "client", "think", "env", "json", "cookie");

    private JavaNames() {
    }

    /** "api_key" and "X-Auth-Token" to "apiKey" and "xAuthToken"; {@code fallback} when nothing is left. */
    static String lowerCamel(String text, String fallback) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                if (b.isEmpty()) {
                    if (Character.isDigit(c)) {
                        continue;
                    }
                    b.append(Character.toLowerCase(c));
                } else {
                    b.append(upper ? Character.toUpperCase(c) : c);
                }
                upper = false;
            } else {
                upper = true;
            }
        }
        String s = b.toString();
        if (s.isEmpty() || SourceVersion.isKeyword(s) || TAKEN.contains(s)) {
            return s.isEmpty() ? fallback : s + "Value";
        }
        return s;
    }

    static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static boolean isClassName(String s) {
        return SourceVersion.isIdentifier(s) && !SourceVersion.isKeyword(s);
    }

    /** A Java string literal of {@code s}, quotes included. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
