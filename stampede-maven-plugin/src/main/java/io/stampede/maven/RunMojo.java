package io.stampede.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Runs a scenario headless with the {@code stampede} command's flags, writes its CSV, JSON, HTML and
 * JUnit XML files under {@code target/stampede/<scenario>/}, and fails the build when a threshold or
 * a check failed (or a request, as the command's exit code 1 says). The scenario runs in a JVM of its
 * own, on a JDK 21+, with the project's test class path.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class RunMojo extends AbstractMojo {
    /**
     * The scenario: a class compiled from src/test/java ({@code ShopUser} or {@code com.acme.ShopUser}),
     * a {@code .java} file, or a folder of them.
     */
    @Parameter(property = "stampede.scenario")
    String scenario;

    /** {@code -H}: the target's base URL. */
    @Parameter(property = "stampede.host")
    String host;

    /** {@code -u}: peak concurrent users. */
    @Parameter(property = "stampede.users")
    Integer users;

    /** {@code -r}: users started per second. */
    @Parameter(property = "stampede.spawnRate")
    Double spawnRate;

    /** {@code -t}: how long, e.g. {@code 30s}. */
    @Parameter(property = "stampede.runTime")
    String runTime;

    /** {@code --stages}, e.g. {@code 10s:20,30s:20,5s:0}. */
    @Parameter(property = "stampede.stages")
    String stages;

    /** {@code --threshold}, each (on the command line: comma-separated). */
    @Parameter(property = "stampede.thresholds")
    List<String> thresholds = new ArrayList<>();

    /** More flags of the command, as typed after {@code stampede}: {@code --arrival-rate 50/s}. */
    @Parameter(property = "stampede.args")
    List<String> args = new ArrayList<>();

    /** Whether a check that failed at least once fails the build (the JUnit XML lists it as failed either way). */
    @Parameter(property = "stampede.failOnChecks", defaultValue = "true")
    boolean failOnChecks;

    /** Where each scenario's files go, in a folder named after it. */
    @Parameter(property = "stampede.resultsDirectory", defaultValue = "${project.build.directory}/stampede")
    File resultsDirectory;

    /** The {@code java} to run the scenario with; default: the toolchain's JDK, else Maven's own if 21+. */
    @Parameter(property = "stampede.jvm")
    String jvm;

    /** Options for the scenario's JVM, e.g. {@code -Xmx2g}. */
    @Parameter(property = "stampede.jvmArgs")
    List<String> jvmArgs = new ArrayList<>();

    /** Skip the run; so do {@code -DskipTests} and {@code -DskipITs}, as with Failsafe. */
    @Parameter(property = "stampede.skip", defaultValue = "false")
    boolean skip;

    @Parameter(property = "skipTests", defaultValue = "false", readonly = true)
    boolean skipTests;

    @Parameter(property = "skipITs", defaultValue = "false", readonly = true)
    boolean skipITs;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Component
    ToolchainManager toolchains;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests || skipITs) {
            getLog().info("stampede:run skipped");
            return;
        }
        if (scenario == null || scenario.isBlank()) {
            throw new MojoExecutionException("stampede: no scenario: set <scenario> or -Dstampede.scenario=ShopUser"
                    + " (a class in src/test/java, a .java file or a folder of them)");
        }
        if ((host == null || host.isBlank()) && !args.contains("-H") && args.stream().noneMatch(a -> a.startsWith("--host"))) {
            throw new MojoExecutionException("stampede: no target: set <host> or -Dstampede.host=http://host:port");
        }
        String testClasspath = testClasspath();
        Scenario s = Scenario.find(scenario, project.getBasedir().toPath(), Path.of(project.getBuild().getTestOutputDirectory()));
        Path dir = resultsDirectory.toPath().resolve(s.name());
        emptyFolder(dir);
        List<String> command = new ArrayList<>();
        command.add(JavaFinder.find(jvm, toolchains, session));
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(plugin.getArtifacts().stream().map(Artifact::getFile).filter(f -> f != null)
                .map(File::getPath).collect(Collectors.joining(File.pathSeparator)));
        command.add("io.stampede.cli.Main");
        command.addAll(flags(s, testClasspath, dir));
        getLog().info("stampede: " + s.argument() + " against " + host + ", files in " + dir);
        Forked.Result run = Forked.run(command, project.getBasedir().toPath());
        Verdict.judge(s.name(), run, dir, failOnChecks);
    }

    /** The command's flags, as a person would type them. */
    private List<String> flags(Scenario s, String testClasspath, Path dir) {
        List<String> f = new ArrayList<>(List.of("-f", s.argument(), "--classpath", testClasspath, "--headless"));
        if (host != null && !host.isBlank()) {
            f.addAll(List.of("-H", host));
        }
        if (users != null) {
            f.addAll(List.of("-u", users.toString()));
        }
        if (spawnRate != null) {
            f.addAll(List.of("-r", spawnRate.toString()));
        }
        if (runTime != null && !runTime.isBlank()) {
            f.addAll(List.of("-t", runTime));
        }
        if (stages != null && !stages.isBlank()) {
            f.addAll(List.of("--stages", stages));
        }
        for (String t : thresholds) {
            f.addAll(List.of("--threshold", t.trim()));
        }
        String prefix = dir.resolve("stampede").toString();
        f.addAll(List.of("--csv", prefix, "--json-file", prefix + ".json", "--html", prefix + ".html",
                "--junit", dir.resolve("junit.xml").toString()));
        f.addAll(args);
        return f;
    }

    private String testClasspath() throws MojoExecutionException {
        try {
            // a project without main classes has no target/classes: the command refuses entries that are not there
            return project.getTestClasspathElements().stream().filter(e -> new File(e).exists())
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("stampede: the test class path is not resolved: " + e.getMessage(), e);
        }
    }

    /** A folder holding this run's files only: a file left from an earlier run would look like this one's. */
    private static void emptyFolder(Path dir) throws MojoExecutionException {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MojoExecutionException("stampede: cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }
}
