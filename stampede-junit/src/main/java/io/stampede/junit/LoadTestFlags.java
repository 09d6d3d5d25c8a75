package io.stampede.junit;

import io.stampede.LoadShape;
import io.stampede.Stages;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A {@link LoadTest} in the words of the command line: the flags a person would have typed. */
final class LoadTestFlags {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private LoadTestFlags() {
    }

    /** The command's arguments for this test's load, its files going to {@code dir}. */
    static List<String> of(LoadTest spec, String host, Path dir) {
        List<String> extra = Arrays.asList(spec.args());
        if (spec.runTime().isBlank() && spec.stages().isBlank() && !endsByItself(spec.scenario())
                && extra.stream().noneMatch(a -> a.equals("-t") || a.startsWith("--run-time") || a.startsWith("--stages"))) {
            throw new ExtensionConfigurationException("@LoadTest(scenario = " + spec.scenario().getSimpleName()
                    + ") never ends: give runTime = \"10s\" or stages");
        }
        List<String> args = new ArrayList<>(List.of("-f", spec.scenario().getName(), "--classpath", whereLoaded(spec.scenario()),
                "-H", host, "--headless", "--only-summary"));
        if (spec.users() > 0) {
            args.addAll(List.of("-u", String.valueOf(spec.users())));
        }
        if (spec.spawnRate() > 0) {
            args.addAll(List.of("-r", String.valueOf(spec.spawnRate())));
        }
        if (!spec.runTime().isBlank()) {
            args.addAll(List.of("-t", spec.runTime()));
        }
        if (!spec.stages().isBlank()) {
            args.addAll(List.of("--stages", spec.stages()));
        }
        for (String t : spec.thresholds()) {
            args.addAll(List.of("--threshold", t));
        }
        String prefix = dir.resolve("stampede").toString();
        args.addAll(List.of("--csv", prefix, "--json-file", prefix + ".json", "--html", prefix + ".html",
                "--junit", dir.resolve("junit.xml").toString()));
        // tests run side by side: one H2 file shared by parallel runs would be a lock to wait on
        if (extra.stream().noneMatch(a -> a.startsWith("--store"))) {
            args.addAll(List.of("--store", "off"));
        }
        args.addAll(extra);
        return args;
    }

    /** {@code ${name}} parts replaced by the system property {@code name}, else the environment variable. */
    static String resolve(String text, Function<String, String> properties, Map<String, String> env) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = properties.apply(name);
            if (value == null) {
                value = env.get(name);
            }
            if (value == null) {
                throw new ExtensionConfigurationException("@LoadTest host \"" + text + "\": no system property or environment variable "
                        + name + " (pass it with -D" + name + "=http://host:port)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether the scenario has a plan of its own that ends: {@code @Stages} or a {@link LoadShape}. */
    private static boolean endsByItself(Class<?> scenario) {
        return scenario.isAnnotationPresent(Stages.class)
                || Arrays.stream(scenario.getDeclaredClasses()).anyMatch(LoadShape.class::isAssignableFrom);
    }

    /**
     * The folder or jar the scenario class was loaded from, for {@code --classpath}: the command
     * loads it by name from there (the test's own class loader comes first, so it is the same class).
     */
    private static String whereLoaded(Class<?> scenario) {
        CodeSource source = scenario.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new ExtensionConfigurationException("cannot tell where " + scenario.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ExtensionConfigurationException("cannot use " + source.getLocation() + " as a class path: " + e.getMessage());
        }
    }
}
