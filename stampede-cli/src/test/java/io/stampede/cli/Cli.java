package io.stampede.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the stampede command in-process, as a user would from a shell, and captures what it printed. */
final class Cli {
    record Result(int exit, String out, String err) {
        JsonNode json(Path file) throws IOException {
            return new ObjectMapper().readTree(file.toFile());
        }

        /** The stats entry for a name ("Aggregated" for the total) in a --json-file document. */
        static JsonNode entry(JsonNode doc, String name) {
            for (JsonNode e : doc.get("stats")) {
                if (e.get("name").asText().equals(name)) {
                    return e;
                }
            }
            throw new AssertionError("no stats entry " + name + " in " + doc);
        }
    }

    private Cli() {
    }

    /**
     * Runs headless, as CI does (without --headless the command serves the web UI and waits), unless
     * the test asks for the web UI or a worker itself.
     */
    static Result run(String... args) {
        java.util.List<String> all = java.util.Arrays.asList(args);
        if (!all.contains("--headless") && !all.contains("--web-port") && !all.contains("--worker")) {
            String[] headless = new String[args.length + 1];
            System.arraycopy(args, 0, headless, 0, args.length);
            headless[args.length] = "--headless";
            args = headless;
        }
        return runAsGiven(args);
    }

    static Result runAsGiven(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Main().execute(args, new ProcessContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes a scenario file named after its public class. */
    static Path scenario(Path dir, String className, String source) throws IOException {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        return file;
    }
}
