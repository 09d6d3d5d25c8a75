package io.stampede.core.spec;

import java.lang.invoke.MethodHandle;

/**
 * A nested task set: how to construct it and which tasks it picks from.
 *
 * @param type the TaskSet subclass
 * @param constructor its no-argument constructor
 * @param tasks its tasks and their weights
 */
public record TaskSetSpec(Class<?> type, MethodHandle constructor, WeightedPicker<TaskSpec> tasks) {
}
