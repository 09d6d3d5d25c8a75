package io.stampede.convert;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Recorded text with its secrets cut out, written as a Java expression:
 * {@code "Bearer " + access}. A secret is replaced only where it stands as a whole value (between
 * quotes, after "=" or a space ...), so the password "demo" is cut from {@code "password":"demo"} but
 * not from {@code "demo@example.com"}.
 */
final class Template {
    private static final String BOUNDARY = "\"'=&;, \t:?/\n";

    private Template() {
    }

    /**
     * @param json whether the text is a JSON document: secrets are then also looked for JSON-escaped,
     *             and a value from the environment is escaped with the file's {@code json(...)} helper
     */
    static String expression(String text, Map<String, Variable> secrets, boolean json) {
        List<String[]> forms = new ArrayList<>(); // {text as written, variable index}
        List<Variable> vars = new ArrayList<>(secrets.values());
        int n = 0;
        for (Map.Entry<String, Variable> e : secrets.entrySet()) {
            forms.add(new String[] {e.getKey(), Integer.toString(n)});
            if (json) {
                String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(e.getKey()));
                if (!escaped.equals(e.getKey())) {
                    forms.add(new String[] {escaped, Integer.toString(n)});
                }
            }
            n++;
        }
        forms.sort(Comparator.comparingInt((String[] f) -> f[0].length()).reversed());
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        outer:
        while (i < text.length()) {
            for (String[] f : forms) {
                if (text.startsWith(f[0], i) && boundary(text, i - 1) && boundary(text, i + f[0].length())) {
                    if (!literal.isEmpty()) {
                        parts.add(JavaNames.literal(literal.toString()));
                        literal.setLength(0);
                    }
                    Variable v = vars.get(Integer.parseInt(f[1]));
                    parts.add(json && v.fromEnvironment() ? "json(" + v.expression() + ")" : v.expression());
                    i += f[0].length();
                    continue outer;
                }
            }
            literal.append(text.charAt(i++));
        }
        if (!literal.isEmpty() || parts.isEmpty()) {
            parts.add(JavaNames.literal(literal.toString()));
        }
        return String.join(" + ", parts);
    }

    private static boolean boundary(String text, int at) {
        return at < 0 || at >= text.length() || BOUNDARY.indexOf(text.charAt(at)) >= 0;
    }
}
