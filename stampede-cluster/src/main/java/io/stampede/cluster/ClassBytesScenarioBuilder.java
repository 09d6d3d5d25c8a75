package io.stampede.cluster;

import io.stampede.core.spec.ScenarioException;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.UserSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the scenario's compiled classes from the master's bytes, in a loader of their own over
 * {@code parent} (which brings the Stampede API), and reads their user specs.
 */
public final class ClassBytesScenarioBuilder implements ScenarioBuilder {
    private final ClassLoader parent;

    public ClassBytesScenarioBuilder(ClassLoader parent) {
        this.parent = parent;
    }

    @Override
    public List<UserSpec> build(ClusterScenario scenario) throws ScenarioException {
        if (scenario.classes().isEmpty()) {
            throw new ScenarioException("the master sent no compiled classes"
                    + (scenario.sources().isEmpty() ? "" : ", only sources: this worker needs a builder that compiles them"));
        }
        ClassLoader loader = new BytesClassLoader(scenario.classes(), parent);
        List<Class<?>> classes = new ArrayList<>();
        for (String name : scenario.classes().keySet().stream().sorted().toList()) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ScenarioException("cannot load the scenario's class " + name + ": " + e);
            }
        }
        return new SpecReader(scenario.tags()).read(classes);
    }

    /**
     * Defines the scenario's classes before asking its parent: the master's bytes must win even when
     * a class of the same name is on this worker's classpath (an older copy of the scenario, say).
     */
    private static final class BytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] b = classes.get(name);
                    c = b != null ? defineClass(name, b, 0, b.length) : super.loadClass(name, false);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
