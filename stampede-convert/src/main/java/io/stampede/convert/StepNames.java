package io.stampede.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Method names for steps, from what their first request does: home, logIn, products, postProductComments. */
final class StepNames {
    private final Map<String, Integer> taken = new HashMap<>();

    String name(Step step) {
        String base = null;
        for (Exchange x : step.exchanges()) {
            if (RequestSecrets.of(x).stream().anyMatch(f -> f.field().toLowerCase(Locale.ROOT).contains("pass"))) {
                base = "logIn";
                break;
            }
        }
        if (base == null) {
            base = fromRequest(step.exchanges().getFirst());
        }
        int n = taken.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + n;
    }

    private static String fromRequest(Exchange x) {
        List<String> words = new ArrayList<>();
        boolean endsWithId = false;
        for (String segment : (x.url().getPath() == null ? "" : x.url().getPath()).split("/")) {
            String s = segment.replaceFirst("\\.[A-Za-z0-9]+$", "");
            if (s.matches("[0-9a-fA-F-]*\\d[0-9a-fA-F-]*")) {
                endsWithId = true;
                continue;
            }
            if (s.isEmpty() || s.equalsIgnoreCase("api") || s.matches("(?i)v\\d+")) {
                continue;
            }
            words.add(s);
            endsWithId = false;
        }
        List<String> last = new ArrayList<>(words.subList(Math.max(0, words.size() - 2), words.size()));
        if (endsWithId && !last.isEmpty()) {
            last.add("by id");
        }
        String path = last.isEmpty() ? "home" : String.join(" ", last);
        String verb = x.method().equals("GET") ? "" : x.method().toLowerCase(Locale.ROOT) + " ";
        return JavaNames.lowerCamel(verb + path, "step");
    }
}
