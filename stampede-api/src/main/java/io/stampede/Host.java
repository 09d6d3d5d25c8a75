package io.stampede;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The target a user class is written for, used when the run gives no {@code -H} (Locust's
 * {@code host} attribute): {@code @Host("http://127.0.0.1:8080")}. {@code -H} on the command line
 * takes precedence. {@code stampede convert} writes the recorded host here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Host {
    /** A base URL: http:// or https://, a host, an optional port. */
    String value();
}
