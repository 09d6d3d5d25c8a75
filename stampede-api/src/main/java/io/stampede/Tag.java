package io.stampede;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tags a task (method or nested task set) so a run can pick tasks with {@code --tags} or leave
 * them out with {@code --exclude-tags}, as in Locust.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Tag {
    String[] value();
}
