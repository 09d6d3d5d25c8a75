package io.stampede;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The share of a user class when a scenario has several: with {@code @Weight(3)} on one class and
 * none (weight 1) on another, three users of the first start for each one of the second.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Weight {
    int value();
}
