package io.stampede.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs a load: the scenario class with the {@code stampede} command's engine and flags,
 * headless. It fails with an {@link AssertionError} naming each failed threshold and check (and the
 * failed requests, as the command's exit code 1 would); the method's body runs after a load that
 * passed, with its {@link LoadResult} as a parameter if it asks for one. The files (CSV, JSON, JUnit
 * XML, HTML) go to {@code target/stampede/<test class>/<method>/}.
 *
 * <pre>{@code
 * @LoadTest(scenario = ShopUser.class, users = 20, spawnRate = 10, runTime = "10s",
 *           thresholds = {"p95<500ms", "fail_ratio<0.01"})
 * void shop(LoadResult result) { assertThat(result.requests()).isGreaterThan(100); }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(LoadTestExtension.class)
public @interface LoadTest {
    /** The user class to run (its file's other user classes are not run: give each its own test). */
    Class<?> scenario();

    /** {@code -u}: peak concurrent users; 0 or less: not given (the command's default, or the scenario's plan). */
    int users() default 0;

    /** {@code -r}: users started per second; 0 or less: not given. */
    double spawnRate() default 0;

    /** {@code -t}: how long, e.g. {@code "10s"}; empty: not given (then stages, or the scenario's plan, must end it). */
    String runTime() default "";

    /** {@code --stages}, e.g. {@code "2s:10,5s:10,1s:0"}; empty: not given. */
    String stages() default "";

    /**
     * {@code -H}: the target. {@code ${name}} parts are read from system properties (then the
     * environment), so the build can pass it: {@code "${stampede.host}"}, {@code "http://${api.address}"}.
     * Empty: a {@link LoadTarget} member of the test class, else the system property {@code stampede.host}.
     */
    String host() default "";

    /** {@code --threshold}, each: {@code "p95<500ms"}, {@code "checks>0.99"}; added to the scenario's own {@code @Thresholds}. */
    String[] thresholds() default {};

    /** More of the command's flags, as on the command line: {@code {"--arrival-rate", "50/s", "--seed", "7"}}. */
    String[] args() default {};

    /** Whether a check that failed at least once fails the test (the JUnit XML lists it as failed either way). */
    boolean failOnChecks() default true;
}
