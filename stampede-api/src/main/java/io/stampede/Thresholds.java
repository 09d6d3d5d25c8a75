package io.stampede;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pass/fail criteria kept in the scenario file: {@code @Thresholds({"p95<500ms", "fail_ratio<0.01"})}
 * on a user class. They are added to any {@code --threshold} given on the command line; a failed one
 * makes the run exit with code 4.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Thresholds {
    String[] value();
}
