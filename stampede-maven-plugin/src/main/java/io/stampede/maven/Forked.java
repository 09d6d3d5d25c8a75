package io.stampede.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The command in a JVM of its own: its output goes to Maven's, and the last "stampede: ..." line it
 * printed to standard error is kept, as that is the one line a user error gives.
 */
final class Forked {
    record Result(int exitCode, String errorLine) {
    }

    private Forked() {
    }

    static Result run(List<String> command, Path workingDirectory) throws MojoExecutionException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new MojoExecutionException("stampede: cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        AtomicReference<String> last = new AtomicReference<>();
        Thread errors = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    System.err.println(line);
                    if (line.startsWith("stampede: ")) {
                        last.set(line);
                    }
                }
            } catch (IOException e) {
                // the process ended: its exit code says the rest
            }
        }, "stampede-stderr");
        errors.start();
        try {
            int code = process.waitFor();
            errors.join();
            return new Result(code, last.get());
        } catch (InterruptedException e) {
            // Ctrl-C on Maven: the command writes its files and ends when asked to
            process.destroy();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("stampede: interrupted", e);
        }
    }
}
