package io.stampede.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What {@code -Dstampede.scenario} names, as the command's {@code -f} takes it: a path to a .java
 * file or folder, or the full name of a class compiled from src/test/java (a simple name is looked
 * up among the compiled test classes).
 *
 * @param argument what {@code -f} gets
 * @param name the name of the scenario's results folder
 */
record Scenario(String argument, String name) {
    static Scenario find(String given, Path basedir, Path testClasses) throws MojoExecutionException {
        Path path = basedir.resolve(given);
        if (given.endsWith(".java") || Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new MojoExecutionException("stampede: scenario file not found: " + path);
            }
            String file = path.getFileName().toString();
            return new Scenario(path.toString(), file.endsWith(".java") ? file.substring(0, file.length() - 5) : file);
        }
        if (given.contains(".")) {
            return new Scenario(given, given.substring(given.lastIndexOf('.') + 1));
        }
        List<Path> found;
        try (Stream<Path> files = Files.exists(testClasses) ? Files.walk(testClasses) : Stream.empty()) {
            found = files.filter(p -> p.getFileName().toString().equals(given + ".class")).toList();
        } catch (IOException e) {
            throw new MojoExecutionException("stampede: cannot read " + testClasses + ": " + e.getMessage(), e);
        }
        if (found.size() != 1) {
            throw new MojoExecutionException("stampede: " + (found.isEmpty() ? "no class " + given : found.size() + " classes named " + given)
                    + " in " + testClasses + " (compiled from src/test/java): give its full name, e.g. com.acme." + given);
        }
        String relative = testClasses.relativize(found.get(0)).toString();
        String className = relative.substring(0, relative.length() - ".class".length()).replace(java.io.File.separatorChar, '.');
        return new Scenario(className, given);
    }
}
