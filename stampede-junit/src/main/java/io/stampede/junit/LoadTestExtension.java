package io.stampede.junit;

import io.stampede.cli.ExitCodes;
import io.stampede.cli.Stampede;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Runs a {@link LoadTest}'s load when JUnit calls the method: inside the method's {@code @Timeout}
 * and after its {@code @BeforeEach} methods, so the target may be a server the test started. Each
 * test's run is its own call of the command, with its own files: nothing is shared between tests
 * running in parallel.
 */
public final class LoadTestExtension implements InvocationInterceptor, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LoadTestExtension.class);
    /** Where the files go, below the working folder (the module's folder under Surefire and Failsafe). */
    static final String RESULTS_PROPERTY = "stampede.results";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LoadResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return result(context);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        LoadTest spec = AnnotationSupport.findAnnotation(call.getExecutable(), LoadTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException("@ExtendWith(LoadTestExtension.class) without @LoadTest"));
        String host = host(spec, context);
        Path dir = Path.of(System.getProperty(RESULTS_PROPERTY, "target/stampede"))
                .resolve(context.getRequiredTestClass().getName()).resolve(call.getExecutable().getName());
        emptyFolder(dir);
        Stampede.Outcome outcome = Stampede.run(LoadTestFlags.of(spec, host, dir), System.out, System.err);
        result(context).fill(outcome.result(), outcome.exitCode(), dir);
        if (outcome.exitCode() == ExitCodes.USAGE) {
            throw new ExtensionConfigurationException(outcome.errorLine());
        }
        List<String> problems = outcome.problems(spec.failOnChecks());
        if (!problems.isEmpty()) {
            throw new AssertionError("load test " + spec.scenario().getSimpleName() + " failed (exit code " + outcome.exitCode()
                    + "; files in " + dir + "):\n  " + String.join("\n  ", problems));
        }
        invocation.proceed();
    }

    private static LoadResult result(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("result", k -> new LoadResult(), LoadResult.class);
    }

    /** The annotation's host, else the test class's {@link LoadTarget}, else -Dstampede.host. */
    private static String host(LoadTest spec, ExtensionContext context) {
        if (!spec.host().isBlank()) {
            return LoadTestFlags.resolve(spec.host(), System::getProperty, System.getenv());
        }
        Object target = loadTarget(context);
        if (target != null) {
            return target.toString();
        }
        String property = System.getProperty("stampede.host");
        if (property == null || property.isBlank()) {
            throw new ExtensionConfigurationException("@LoadTest(scenario = " + spec.scenario().getSimpleName()
                    + ") has no target: give host = \"http://host:port\", a @LoadTarget field or method, or -Dstampede.host=URL");
        }
        return property;
    }

    /** The value of the test class's {@link LoadTarget} field or method, or null when it has none. */
    private static Object loadTarget(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        Object instance = context.getTestInstance().orElse(null);
        List<Object> values = new ArrayList<>();
        try {
            for (Field f : AnnotationSupport.findAnnotatedFields(type, LoadTarget.class)) {
                f.setAccessible(true);
                values.add(f.get(Modifier.isStatic(f.getModifiers()) ? null : instance));
            }
            for (Method m : AnnotationSupport.findAnnotatedMethods(type, LoadTarget.class, HierarchyTraversalMode.TOP_DOWN)) {
                if (m.getParameterCount() != 0) {
                    throw new ExtensionConfigurationException("@LoadTarget method " + m.getName() + " must take no arguments");
                }
                m.setAccessible(true);
                values.add(m.invoke(Modifier.isStatic(m.getModifiers()) ? null : instance));
            }
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("cannot read the @LoadTarget of " + type.getName() + ": " + e, e);
        }
        if (values.size() > 1) {
            throw new ExtensionConfigurationException(type.getName() + " has " + values.size() + " @LoadTarget members; keep one");
        }
        if (values.isEmpty()) {
            return null;
        }
        Object v = values.get(0);
        if (!(v instanceof String || v instanceof URI)) {
            throw new ExtensionConfigurationException("@LoadTarget of " + type.getName() + " must be a String or URI, was "
                    + (v == null ? "null (set it in @BeforeAll or @BeforeEach)" : v.getClass().getName()));
        }
        return v;
    }

    /** A folder holding this run's files only: a file left from an earlier run would look like this one's. */
    private static void emptyFolder(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }
}
