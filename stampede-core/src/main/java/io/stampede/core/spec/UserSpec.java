package io.stampede.core.spec;

import java.lang.invoke.MethodHandle;

/**
 * A user class as the engine runs it.
 *
 * @param type the User subclass
 * @param weight its share among the scenario's user classes ({@code @Weight}, default 1)
 * @param constructor its no-argument constructor
 * @param tasks its tasks and their weights, after tag filtering
 */
public record UserSpec(Class<?> type, int weight, MethodHandle constructor, WeightedPicker<TaskSpec> tasks) {
    public String name() {
        return type.getSimpleName();
    }
}
