package io.stampede.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Maven build of a sample project from src/it: the Maven that runs this build, offline, with
 * a local repository of its own that holds this build's Stampede artifacts (invoker:install) and
 * reads everything else from this build's local repository, so it downloads nothing.
 */
final class SampleBuild {
    record Result(int exitCode, String log) {
    }

    private final Path project;

    private SampleBuild(Path project) {
        this.project = project;
    }

    /** A fresh copy of {@code src/it/NAME} under target/it/, with this build's Stampede version in its pom. */
    static SampleBuild copy(String name) throws IOException {
        Path from = Path.of("src/it", name);
        Path to = Path.of("target/it", name).toAbsolutePath();
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path pom = to.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@stampede.version@", property("stampede.it.version")));
        // its own .mvn folder: else Maven takes the repository's root (above it) for the project's top
        Files.createDirectories(to.resolve(".mvn"));
        return new SampleBuild(to);
    }

    Path project() {
        return project;
    }

    /** Runs {@code mvn ARGS} in the sample project on this JVM's JDK, at most {@code seconds}. */
    Result mvn(int seconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(property("stampede.it.maven.home"), "bin", "mvn").toString(),
                "-B", "-o", "-Dmaven.repo.local=" + property("stampede.it.repo"),
                "-Dmaven.repo.local.tail=" + property("stampede.it.tail")));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(project.getParent(), "build", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_ARGS");
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " took more than " + seconds + " s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException(name + " is not set: run this test with Failsafe (mvn verify)");
        }
        return v;
    }
}
