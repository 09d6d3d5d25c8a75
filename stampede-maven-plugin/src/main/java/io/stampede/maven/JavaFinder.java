package io.stampede.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * The {@code java} that runs the scenario: Stampede needs 21+ (virtual threads) while Maven itself
 * often runs on an older one. In order: {@code -Dstampede.jvm}, the JDK toolchain the build chose
 * (maven-toolchains-plugin), Maven's own Java if it is 21 or newer.
 */
final class JavaFinder {
    static final int NEEDED = 21;

    private JavaFinder() {
    }

    static String find(String jvm, ToolchainManager toolchains, MavenSession session) throws MojoExecutionException {
        if (jvm != null && !jvm.isBlank()) {
            if (!Files.isExecutable(Path.of(jvm))) {
                throw new MojoExecutionException("stampede: -Dstampede.jvm=" + jvm + " is not an executable java");
            }
            return jvm;
        }
        Toolchain jdk = toolchains == null ? null : toolchains.getToolchainFromBuildContext("jdk", session);
        if (jdk != null && jdk.findTool("java") != null) {
            Path java = Path.of(jdk.findTool("java"));
            int version = version(java.getParent().getParent());
            if (version != 0 && version < NEEDED) {
                throw new MojoExecutionException("stampede: the build's JDK toolchain is Java " + version + " (" + java
                        + "); Stampede needs " + NEEDED + " or newer: choose one with maven-toolchains-plugin or -Dstampede.jvm");
            }
            return java.toString();
        }
        int running = Runtime.version().feature();
        if (running >= NEEDED) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        throw new MojoExecutionException("stampede: the scenario needs Java " + NEEDED + " or newer and Maven runs on Java "
                + running + ": add maven-toolchains-plugin (goal select-jdk-toolchain, version [21,)) or give -Dstampede.jvm=/path/to/jdk-21/bin/java");
    }

    /** The feature version in a JDK's {@code release} file, or 0 when it cannot be told. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            p.load(in);
        } catch (IOException e) {
            return 0;
        }
        String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
