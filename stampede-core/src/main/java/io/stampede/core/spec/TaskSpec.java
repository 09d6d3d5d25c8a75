package io.stampede.core.spec;

import java.lang.invoke.MethodHandle;
import java.util.Set;

/**
 * One task as the engine runs it: either a method of the user (or task set), or a nested task set.
 * Built once per class by {@link SpecReader}; the annotated classes are never changed.
 *
 * @param name the method or class name, for messages
 * @param weight relative weight, at least 1
 * @param order place in a sequential task set (0 elsewhere)
 * @param tags the task's tags
 * @param method the task method, taking the owner instance; null for a task set
 * @param taskSet the nested task set; null for a method
 */
public record TaskSpec(String name, int weight, int order, Set<String> tags, MethodHandle method, TaskSetSpec taskSet) {
    public TaskSpec {
        tags = Set.copyOf(tags);
    }
}
