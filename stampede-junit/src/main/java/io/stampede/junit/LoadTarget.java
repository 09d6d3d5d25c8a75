package io.stampede.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field or no-argument method of a test class that gives the target of its
 * {@link LoadTest}s without a {@code host}: a String or URI read when each test starts, after its
 * {@code @BeforeEach} methods, so a server the test started on a random port can be the target.
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LoadTarget {
}
