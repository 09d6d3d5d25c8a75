package io.stampede.report;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Supplier;

/** Writes the final {@link JsonSummary}: to standard output ({@code --json}) or a file ({@code --json-file}). */
public final class JsonOutput implements Output {
    private final PrintStream stream;
    private final Path file;
    private final Supplier<Map<String, ?>> fields;

    private JsonOutput(PrintStream stream, Path file, Supplier<Map<String, ?>> fields) {
        this.stream = stream;
        this.file = file;
        this.fields = fields;
    }

    private JsonOutput(PrintStream stream, Path file) {
        this(stream, file, Map::of);
    }

    /**
     * The same output with more top-level fields, asked for when the run ends: what the wiring knows
     * and the statistics do not (the protocol the transport spoke, for one).
     */
    public JsonOutput withFields(Supplier<Map<String, ?>> more) {
        return new JsonOutput(stream, file, more);
    }

    public static JsonOutput toStream(PrintStream out) {
        return new JsonOutput(out, null);
    }

    public static JsonOutput toFile(Path file) {
        return new JsonOutput(null, file);
    }

    @Override
    public void finish(RunResult result) throws IOException {
        String json = JsonSummary.text(result, fields.get());
        if (stream != null) {
            stream.println(json);
            stream.flush();
        } else {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, json + System.lineSeparator());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
