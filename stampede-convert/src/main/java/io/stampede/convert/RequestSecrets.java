package io.stampede.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The secrets one recorded request carries: credentials in Authorization-like headers, cookies,
 * secret-named query, form and JSON fields, and JSON Web Tokens wherever they appear.
 */
final class RequestSecrets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestSecrets() {
    }

    static List<Found> of(Exchange x) {
        List<Found> found = new ArrayList<>();
        for (Header h : x.requestHeaders()) {
            if (!HeaderPolicy.keep(h)) {
                continue;
            }
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                cookies(h.value(), found);
            } else if (SecretNames.isSecretHeader(name)) {
                int space = h.value().indexOf(' ');
                boolean scheme = (name.endsWith("authorization")) && space > 0;
                String value = scheme ? h.value().substring(space + 1).trim() : h.value();
                String field = scheme ? h.value().substring(0, space).toLowerCase(Locale.ROOT).equals("bearer") ? "token"
                        : h.value().substring(0, space).toLowerCase(Locale.ROOT) + "Credentials" : h.name();
                found.add(new Found(field, value, value, "the " + h.name() + " header"));
            }
        }
        if (x.url().getRawQuery() != null) {
            parameters(x.url().getRawQuery(), "the query string", found);
        }
        String body = x.requestBody();
        if (body != null) {
            String mime = x.requestMime() == null ? "" : x.requestMime().toLowerCase(Locale.ROOT);
            if (mime.contains("json") || body.stripLeading().startsWith("{")) {
                json(body, found);
            } else if (mime.contains("x-www-form-urlencoded")) {
                parameters(body, "the form body", found);
            }
        }
        jwts(x, found);
        return found;
    }

    private static void cookies(String header, List<Found> found) {
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && eq < pair.trim().length()) {
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (!value.isEmpty()) {
                    found.add(new Found(name, value, value, "the cookie " + name));
                }
            }
        }
    }

    private static void parameters(String encoded, String where, List<Found> found) {
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                continue;
            }
            String name = decode(pair.substring(0, eq));
            if (SecretNames.isSecret(name)) {
                String raw = pair.substring(eq + 1);
                found.add(new Found(name, raw, decode(raw), "the parameter " + name + " of " + where));
            }
        }
    }

    private static void json(String body, List<Found> found) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException notJson) {
            return;
        }
        walk(root, found);
    }

    private static void walk(JsonNode node, List<Found> found) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isTextual() && !f.getValue().asText().isEmpty() && SecretNames.isSecret(f.getKey())) {
                    String v = f.getValue().asText();
                    found.add(new Found(f.getKey(), v, v, "the field " + f.getKey() + " of the JSON body"));
                } else {
                    walk(f.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, found));
        }
    }

    private static void jwts(Exchange x, List<Found> found) {
        StringBuilder all = new StringBuilder(x.url().toString());
        x.requestHeaders().stream().filter(HeaderPolicy::keep).forEach(h -> all.append('\n').append(h.value()));
        if (x.requestBody() != null) {
            all.append('\n').append(x.requestBody());
        }
        Matcher m = SecretNames.JWT.matcher(all);
        while (m.find()) {
            String jwt = m.group();
            if (found.stream().noneMatch(f -> f.raw().equals(jwt))) {
                found.add(new Found("token", jwt, jwt, "a JSON Web Token in the request"));
            }
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return s;
        }
    }
}
