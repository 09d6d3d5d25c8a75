package io.stampede.core.spec;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A nested task set: how to construct it and which tasks it runs.
 *
 * @param type the TaskSet subclass
 * @param constructor its no-argument constructor
 * @param tasks its tasks and their weights, picked at random
 * @param sequence for a SequentialTaskSet, the tasks in the order they run (a task of weight n
 *                 appears n times in a row); null for a task set that picks at random
 */
public record TaskSetSpec(Class<?> type, MethodHandle constructor, WeightedPicker<TaskSpec> tasks, List<TaskSpec> sequence) {
    public TaskSetSpec {
        sequence = sequence == null ? null : List.copyOf(sequence);
    }

    public boolean sequential() {
        return sequence != null;
    }
}
