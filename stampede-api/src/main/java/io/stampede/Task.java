package io.stampede;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link User} (or {@link TaskSet}) as a task, or a nested {@link TaskSet}
 * class as a task of its enclosing user. Tasks are picked at random in proportion to their weight:
 * {@code @Task(3)} runs three times as often as {@code @Task}.
 *
 * <p>A task method takes no arguments, may have any visibility and may throw any exception: an
 * exception is counted in the exceptions report and the user carries on with its next task.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Task {
    /** Relative weight, at least 1. In a {@link SequentialTaskSet}: how many times the task runs in a row. */
    int value() default 1;

    /**
     * Position in a {@link SequentialTaskSet} (1, 2, 3 ...). Java does not keep the order in which
     * methods are written, so a sequence says it; elsewhere it is ignored.
     */
    int order() default 0;
}
