package io.stampede.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the scenario: a user whose {@code onStart} replays the recording up to the log-in (so the
 * tokens it gets are there for the rest), and a {@code SequentialTaskSet} that replays the steps
 * after it in their recorded order, each after the pause the person took before it.
 */
final class ScenarioWriter {
    private final String className;
    private final String host;
    private final String harName;
    private final String creator;
    private final List<Step> steps;
    private final Secrets secrets;
    private final int leftOutStatic;
    private final Map<String, Integer> otherHosts;
    private final StringBuilder out = new StringBuilder();

    ScenarioWriter(String className, String host, String harName, String creator, List<Step> steps, Secrets secrets,
                   int leftOutStatic, Map<String, Integer> otherHosts) {
        this.className = className;
        this.host = host;
        this.harName = harName;
        this.creator = creator;
        this.steps = steps;
        this.secrets = secrets;
        this.leftOutStatic = leftOutStatic;
        this.otherHosts = otherHosts;
    }

    String write() {
        StepNames names = new StepNames();
        List<String> methods = new ArrayList<>();
        for (Step s : steps) {
            methods.add(names.name(s));
        }
        int firstOfJourney = Math.min(loginSteps(), steps.size() - 1);
        header();
        line("@Host(" + JavaNames.literal(host) + ")");
        line("public class " + className + " extends HttpUser {");
        for (Variable v : secrets.fields()) {
            line("    /** From " + safe(v.what()) + " (the recorded value is not written here). */");
            line("    private String " + v.name() + ";");
            line("");
        }
        if (firstOfJourney > 0) {
            line("    /** Once per user: the recording up to the log-in. */");
            line("    @Override");
            line("    protected void onStart() throws InterruptedException {");
            for (int i = 0; i < firstOfJourney; i++) {
                line("        " + methods.get(i) + "();");
            }
            line("    }");
            line("");
        }
        line("    /** The recorded steps" + (firstOfJourney > 0 ? " after the log-in" : "") + ", in their recorded order, again and again. */");
        line("    @Task");
        line("    static class Journey extends SequentialTaskSet<" + className + "> {");
        for (int i = firstOfJourney; i < steps.size(); i++) {
            line("        @Task(order = " + (i - firstOfJourney + 1) + ")");
            line("        void " + methods.get(i) + "() throws InterruptedException {");
            line("            user()." + methods.get(i) + "();");
            line("        }");
            if (i < steps.size() - 1) {
                line("");
            }
        }
        line("    }");
        for (int i = 0; i < steps.size(); i++) {
            line("");
            step(i, methods.get(i));
        }
        helpers();
        line("}");
        return out.toString();
    }

    /**
     * How many steps go in onStart: those before the first step that sends a value an earlier
     * response gave (a token, a session cookie), so that each user logs in once and the steps that
     * repeat have what they need.
     */
    private int loginSteps() {
        for (int i = 0; i < steps.size(); i++) {
            for (Exchange x : steps.get(i).exchanges()) {
                if (secrets.usedBy(x).values().stream().anyMatch(v -> !v.fromEnvironment())) {
                    return i;
                }
            }
        }
        return 0;
    }

    private void header() {
        int requests = steps.stream().mapToInt(s -> s.exchanges().size()).sum();
        line("import io.stampede.*;");
        line("");
        line("/**");
        line(" * Recorded with " + safe(creator) + " in " + safe(harName) + " and written by stampede convert: " + requests
                + (requests == 1 ? " request" : " requests") + " to " + host + " in " + steps.size()
                + (steps.size() == 1 ? " step" : " steps") + ", with the pauses the person took between them.");
        List<String> left = new ArrayList<>();
        if (leftOutStatic > 0) {
            left.add(leftOutStatic + " static assets (--include-static keeps them)");
        }
        otherHosts.forEach((origin, n) -> left.add(n + (n == 1 ? " request" : " requests") + " to " + origin + " (--include-host keeps them)"));
        if (!left.isEmpty()) {
            line(" * Left out: " + String.join("; ", left) + ".");
        }
        if (secrets.usesEnvironment()) {
            line(" * Secrets no recorded response gave are read from environment variables (see env(...) below).");
        }
        line(" *");
        line(" * Run: bin/stampede -f " + className + ".java -u 10 -r 2 -t 1m --headless   (against " + host
                + "; -H another URL)");
        line(" */");
    }

    private void step(int i, String method) {
        Step s = steps.get(i);
        long at = s.startMillis() - steps.getFirst().startMillis();
        StringBuilder doc = new StringBuilder("    /** Step " + (i + 1) + ", " + seconds(at) + " s into the recording");
        if (s.title() != null && !s.title().isBlank() && (i == 0 || !s.title().equals(steps.get(i - 1).title()))) {
            doc.append(" (page ").append(comment(s.title())).append(')');
        }
        line(doc.append(". */").toString());
        line("    void " + method + "() throws InterruptedException {");
        if (s.thinkMillis() > 0) {
            line("        think(" + seconds(s.thinkMillis()) + ");");
        }
        int responses = 0;
        for (Exchange x : s.exchanges()) {
            request(x, secrets.extractedFrom(x).isEmpty() ? null : "r" + (++responses));
        }
        line("    }");
    }

    private void request(Exchange x, String response) {
        Map<String, Variable> used = secrets.usedBy(x);
        for (Variable v : used.values()) {
            if (v.fromEnvironment()) {
                line("        // " + safe(v.what()) + ": from the environment variable " + v.name());
            }
        }
        String target = x.origin().equals(host) ? x.pathAndQuery() : x.url().toString();
        List<String> calls = new ArrayList<>();
        for (Header h : x.requestHeaders()) {
            if (HeaderPolicy.keep(h) && !(h.is("content-type") && x.requestBody() == null)) {
                calls.add(".header(" + JavaNames.literal(h.name()) + ", " + Template.expression(h.value(), used, false) + ")");
            }
        }
        String name = x.origin().equals(host) ? statsName(x.url().getRawPath()) : null;
        if (name != null) {
            calls.add(".name(" + JavaNames.literal(name) + ")");
        }
        if (x.requestBody() != null && !x.requestBody().isEmpty()) {
            boolean json = x.requestMime() != null && x.requestMime().toLowerCase(Locale.ROOT).contains("json");
            calls.add(".body(" + Template.expression(x.requestBody(), used, json) + ")");
        }
        boolean failedWhenRecorded = x.status() >= 400;
        String start = "client.request(" + JavaNames.literal(x.method()) + ", " + Template.expression(target, used, false) + ")";
        if (failedWhenRecorded) {
            line("        // recorded with status " + x.status() + ": that status counts as a success here");
            line("        try (CaughtResponse " + (response == null ? "r" : response) + " = " + start);
            calls.forEach(c -> line("                " + c));
            line("                .catchResponse()) {");
            line("            if (" + (response == null ? "r" : response) + ".status() == " + x.status() + ") {");
            line("                " + (response == null ? "r" : response) + ".success();");
            line("            }");
            extractions(x, response == null ? "r" : response, "            ");
            line("        }");
            return;
        }
        String lead = response == null ? "        " : "        Response " + response + " = ";
        if (calls.isEmpty()) {
            line(lead + start + ".send();");
        } else {
            line(lead + start);
            calls.forEach(c -> line("                " + c));
            line("                .send();");
        }
        if (response != null) {
            extractions(x, response, "        ");
        }
    }

    private void extractions(Exchange x, String response, String indent) {
        for (Variable v : secrets.extractedFrom(x)) {
            String value = switch (v.source()) {
                case Source.Json j -> response + ".json()" + JsonPath.navigation(j.path()) + ".asText()";
                case Source.Cookie c -> "cookie(" + response + ", " + JavaNames.literal(c.name()) + ")";
                case Source.ResponseHeader h -> response + ".header(" + JavaNames.literal(h.name()) + ")";
                case Source.Environment e -> throw new IllegalStateException("not extracted");
            };
            line(indent + v.name() + " = " + value + ";");
        }
    }

    /** One statistics row for all ids: /api/v1/products/7/ is named /api/v1/products/[id]/; null when no id. */
    static String statsName(String path) {
        if (path == null) {
            return null;
        }
        String named = path.replaceAll("(?<=/)(\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F-]{27})(?=/|$)", "[id]");
        return named.equals(path) ? null : named;
    }

    private void helpers() {
        boolean usesCookies = secrets.fields().stream().anyMatch(v -> v.source() instanceof Source.Cookie);
        if (steps.stream().anyMatch(s -> s.thinkMillis() > 0)) {
            line("");
            line("    /** The pause the person took before a step (a virtual thread sleeps for nothing). */");
            line("    private static void think(double seconds) throws InterruptedException {");
            line("        Thread.sleep(Math.round(seconds * 1000));");
            line("    }");
        }
        if (secrets.usesEnvironment()) {
            line("");
            line("    /** A secret of the recording that is not written in this file: set it before the run. */");
            line("    private static String env(String name) {");
            line("        String value = System.getenv(name);");
            line("        if (value == null || value.isEmpty()) {");
            line("            throw new IllegalStateException(\"set the environment variable \" + name + \" (a secret of the recorded requests)\");");
            line("        }");
            line("        return value;");
            line("    }");
            line("");
            line("    /** The text as it goes between quotes in a JSON body. */");
            line("    private static String json(String text) {");
            line("        return text.replace(\"\\\\\", \"\\\\\\\\\").replace(\"\\\"\", \"\\\\\\\"\");");
            line("    }");
        }
        if (usesCookies) {
            line("");
            line("    /** The value of a cookie the response set (from its first Set-Cookie header), or \"\". */");
            line("    private static String cookie(Response r, String name) {");
            line("        String set = r.header(\"Set-Cookie\");");
            line("        if (set == null || !set.startsWith(name + \"=\")) {");
            line("            return \"\";");
            line("        }");
            line("        int end = set.indexOf(';');");
            line("        return set.substring(name.length() + 1, end < 0 ? set.length() : end);");
            line("    }");
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String comment(String text) {
        return '"' + safe(text) + '"';
    }

    /** Text for a comment: it cannot end the comment, break the line, or hold a \\u escape javac would read. */
    static String safe(String text) {
        return text.replace("*/", "* /").replace("\\u", "\\ u").replaceAll("[\\r\\n]+", " ");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
