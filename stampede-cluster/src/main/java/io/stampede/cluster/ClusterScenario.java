package io.stampede.cluster;

import io.stampede.core.spec.TagFilter;
import java.util.List;
import java.util.Map;

/**
 * The scenario a master hands every worker: its compiled classes (binary name to class file), or its
 * source files (name to text) for workers whose {@link ScenarioBuilder} compiles, or both.
 *
 * @param userClasses the user classes' simple names, so the master can check a target that names some
 * @param tags the --tags and --exclude-tags filter every worker applies
 */
public record ClusterScenario(Map<String, byte[]> classes, Map<String, String> sources, List<String> userClasses,
                              TagFilter tags) {
    public ClusterScenario {
        classes = Map.copyOf(classes);
        sources = Map.copyOf(sources);
        userClasses = List.copyOf(userClasses);
    }
}
