package io.stampede.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The secrets of a recording and where the scenario gets each one. A value that an earlier recorded
 * response gave (the token a log-in returned, a cookie it set) is taken from that response when the
 * scenario runs, as a correlation in Gatling or LoadRunner would; any other (the password typed in,
 * an API key) becomes an environment variable. Either way the recorded value is not written.
 */
final class Secrets {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per request (by index): each secret it sends, by its raw text, and the variable that replaces it. */
    private final Map<Integer, Map<String, Variable>> uses = new HashMap<>();
    /** Per response (by index): the variables set from it. */
    private final Map<Integer, List<Variable>> extractions = new HashMap<>();
    private final Map<Object, Variable> bySource = new LinkedHashMap<>();
    private final Map<String, Variable> byEnvValue = new HashMap<>();
    private final Map<String, Integer> namesTaken = new HashMap<>();
    private final String envPrefix;

    private Secrets(String envPrefix) {
        this.envPrefix = envPrefix;
    }

    /** @param envPrefix the environment variables' prefix, from the class name ("SHOP_USER") */
    static Secrets find(List<Exchange> kept, String envPrefix) {
        Secrets s = new Secrets(envPrefix);
        for (int i = 0; i < kept.size(); i++) {
            Exchange x = kept.get(i);
            Map<String, Variable> here = new LinkedHashMap<>();
            for (Found f : RequestSecrets.of(x)) {
                if (!here.containsKey(f.raw())) {
                    here.put(f.raw(), s.variableFor(f, kept.subList(0, i)));
                }
            }
            if (!here.isEmpty()) {
                s.uses.put(x.index(), here);
            }
        }
        return s;
    }

    /** The secrets request {@code x} sends, by the text they have in the recording. */
    Map<String, Variable> usedBy(Exchange x) {
        return uses.getOrDefault(x.index(), Map.of());
    }

    /** The fields to set from the response to {@code x}. */
    List<Variable> extractedFrom(Exchange x) {
        return extractions.getOrDefault(x.index(), List.of());
    }

    /** Every field the scenario declares, in the order they are first set. */
    List<Variable> fields() {
        return List.copyOf(bySource.values());
    }

    /** Whether the scenario reads an environment variable. */
    boolean usesEnvironment() {
        return !byEnvValue.isEmpty();
    }

    private Variable variableFor(Found f, List<Exchange> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Source source = sourceIn(earlier.get(i), f.value());
            if (source != null) {
                return bySource.computeIfAbsent(key(source), k -> {
                    Variable v = new Variable(uniqueName(fieldName(source, f)), source, describe(source));
                    extractions.computeIfAbsent(responseOf(source).index(), n -> new ArrayList<>()).add(v);
                    return v;
                });
            }
        }
        return byEnvValue.computeIfAbsent(f.value(), value -> {
            String env = uniqueName(envPrefix + "_" + upperSnake(f.field()));
            return new Variable(env, new Source.Environment(env), f.field() + " (sent in " + f.where()
                    + "; no recorded response gave it)");
        });
    }

    private static Exchange responseOf(Source s) {
        return switch (s) {
            case Source.Json j -> j.response();
            case Source.Cookie c -> c.response();
            case Source.ResponseHeader h -> h.response();
            case Source.Environment e -> throw new IllegalArgumentException("not a response");
        };
    }

    private static Object key(Source s) {
        return switch (s) {
            case Source.Json j -> List.of(j.response().index(), j.path());
            case Source.Cookie c -> List.of(c.response().index(), "cookie", c.name());
            case Source.ResponseHeader h -> List.of(h.response().index(), "header", h.name().toLowerCase(Locale.ROOT));
            case Source.Environment e -> e.variable();
        };
    }

    /** Where response {@code x} holds {@code value}, or null. */
    private static Source sourceIn(Exchange x, String value) {
        for (Header h : x.responseHeaders()) {
            if (h.is("set-cookie")) {
                String pair = h.value().split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(eq + 1).trim().equals(value)) {
                    return new Source.Cookie(x, pair.substring(0, eq).trim());
                }
            } else if (h.value().equals(value)) {
                return new Source.ResponseHeader(x, h.name());
            }
        }
        if (x.responseBody() == null || !x.responseBody().contains(value)) {
            return null;
        }
        try {
            List<Object> path = pathTo(JSON.readTree(x.responseBody()), value, new ArrayList<>());
            return path == null ? null : new Source.Json(x, path);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static List<Object> pathTo(JsonNode node, String value, List<Object> at) {
        if (node == null) {
            return null;
        }
        if (node.isTextual() && node.asText().equals(value)) {
            return List.copyOf(at);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                at.add(f.getKey());
                List<Object> p = pathTo(f.getValue(), value, at);
                at.removeLast();
                if (p != null) {
                    return p;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                List<Object> p = pathTo(node.get(i), value, at);
                at.removeLast();
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String fieldName(Source s, Found f) {
        String base = switch (s) {
            case Source.Json j -> j.path().reversed().stream().filter(String.class::isInstance).map(String.class::cast)
                    .findFirst().orElse(f.field());
            case Source.Cookie c -> c.name() + "Cookie";
            case Source.ResponseHeader h -> h.name();
            case Source.Environment e -> f.field();
        };
        return JavaNames.lowerCamel(base, "secret");
    }

    private static String describe(Source s) {
        String from = switch (s) {
            case Source.Json j -> "the field " + JsonPath.text(j.path()) + " of the JSON response to ";
            case Source.Cookie c -> "the cookie " + c.name() + " set by the response to ";
            case Source.ResponseHeader h -> "the header " + h.name() + " of the response to ";
            case Source.Environment e -> "";
        };
        Exchange x = responseOf(s);
        return from + x.method() + " " + x.url().getRawPath();
    }

    private String uniqueName(String base) {
        int n = namesTaken.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + (base.contains("_") && base.equals(base.toUpperCase(Locale.ROOT)) ? "_" + n : n);
    }

    static String upperSnake(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
        s = s.replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "SECRET" : s;
    }
}
