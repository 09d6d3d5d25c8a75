package io.stampede.html;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a page's {@code @@NAME@@} slots in one pass over the template: a value is never scanned
 * again, so a request name that happens to read {@code @@DATA@@} stays text.
 */
final class Template {
    private static final Pattern SLOT = Pattern.compile("@@([A-Z_]+)@@");

    private Template() {
    }

    /** @throws IllegalArgumentException when the template names a slot that {@code values} lacks */
    static String fill(String template, Map<String, String> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder b = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for the slot " + m.group());
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }
}
