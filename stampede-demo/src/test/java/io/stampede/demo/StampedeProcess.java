package io.stampede.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar stampede.jar} process of this build, on the JDK running the tests, its
 * output (both streams) in a file the test reads while it runs.
 */
final class StampedeProcess implements AutoCloseable {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path CLI_JAR = ROOT.resolve("stampede-cli/target/stampede.jar");

    final Process process;
    final Path output;

    private StampedeProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts it with {@code HOSTNAME=node}, which a worker asks the master to call it by. */
    static StampedeProcess start(Path dir, String node, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", CLI_JAR.toString()));
        command.addAll(args);
        Path output = dir.resolve(node + ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(Map.of("HOSTNAME", node));
        pb.environment().remove("STAMPEDE_CLUSTER_TOKEN");
        return new StampedeProcess(pb.start(), output);
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code fragment} in its output; fails with the output after {@code max}. */
    void awaitOutput(String fragment, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!output().contains(fragment)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !output().contains(fragment)) {
                throw new AssertionError("no \"" + fragment + "\" in the output of pid " + process.pid() + ":\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /** The exit code, once it ended within {@code max}; fails with its output otherwise. */
    int exitCode(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("pid " + process.pid() + " still runs after " + max.toSeconds() + " s:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly(); // ended already, unless a test failed
    }
}
