package io.stampede;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The load plan kept in the scenario file, k6-style: {@code @Stages("2m:1000,5m:1000,2m:0")} on a
 * user class ramps to 1000 users in 2 minutes, holds 5, and ramps down in 2. {@code --stages} on the
 * command line takes precedence.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Stages {
    String value();
}
