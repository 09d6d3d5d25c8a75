package io.stampede.cluster;

import io.stampede.core.spec.TagFilter;
import java.util.List;
import java.util.Map;

/**
 * The scenario a master hands every worker: its compiled classes (binary name to class file), or its
 * source files (name to text) for workers whose {@link ScenarioBuilder} compiles, or both; and, for a
 * scenario on --classpath, that classpath's jars and the names of the classes on it holding the users.
 *
 * @param userClasses the user classes' simple names, so the master can check a target that names some
 * @param tags the --tags and --exclude-tags filter every worker applies
 * @param classPath the master's --classpath in its order (libraries for {@code classes}, or the scenario itself)
 * @param classPathClasses binary names of classes on {@code classPath} to read user classes from
 */
public record ClusterScenario(Map<String, byte[]> classes, Map<String, String> sources, List<String> userClasses,
                              TagFilter tags, List<ClassPathEntry> classPath, List<String> classPathClasses) {
    /**
     * The most a scenario may weigh on the wire (class files, sources and jars together): it travels in
     * one Welcome message, and a worker accepts messages a little larger than this.
     */
    public static final long MAX_BYTES = 64L << 20;

    public ClusterScenario {
        classes = Map.copyOf(classes);
        sources = Map.copyOf(sources);
        userClasses = List.copyOf(userClasses);
        classPath = List.copyOf(classPath);
        classPathClasses = List.copyOf(classPathClasses);
    }

    /** A scenario without a classpath: classes compiled by the master, or sources. */
    public ClusterScenario(Map<String, byte[]> classes, Map<String, String> sources, List<String> userClasses,
                           TagFilter tags) {
        this(classes, sources, userClasses, tags, List.of(), List.of());
    }

    /** What it weighs on the wire, near enough: the bytes of its class files, sources and jars. */
    public long bytes() {
        long n = 0;
        for (byte[] b : classes.values()) {
            n += b.length;
        }
        for (String s : sources.values()) {
            n += s.length();
        }
        for (ClassPathEntry e : classPath) {
            n += e.jar().length;
        }
        return n;
    }
}
