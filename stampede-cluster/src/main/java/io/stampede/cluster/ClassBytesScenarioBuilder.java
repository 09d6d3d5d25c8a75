package io.stampede.cluster;

import io.stampede.core.spec.ScenarioException;
import io.stampede.core.spec.SpecReader;
import io.stampede.core.spec.UserSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the scenario the master sent, in a loader of its own over {@code parent} (which brings the
 * Stampede API), and reads its user specs: compiled class files, and the master's --classpath jars.
 * The jars are written to a private temporary folder for the JDK's {@link URLClassLoader} (which
 * reads jars from files, with their resources and service files); {@link #close} removes it.
 */
public final class ClassBytesScenarioBuilder implements ScenarioBuilder, AutoCloseable {
    private final ClassLoader parent;
    private final List<URLClassLoader> opened = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    public ClassBytesScenarioBuilder(ClassLoader parent) {
        this.parent = parent;
    }

    @Override
    public List<UserSpec> build(ClusterScenario scenario) throws ScenarioException {
        if (scenario.classes().isEmpty() && scenario.classPathClasses().isEmpty()) {
            throw new ScenarioException("the master sent no compiled classes"
                    + (scenario.sources().isEmpty() ? "" : ", only sources: this worker needs a builder that compiles them"));
        }
        ClassLoader base = scenario.classPath().isEmpty() ? parent : classPathLoader(scenario.classPath());
        ClassLoader loader = scenario.classes().isEmpty() ? base : new BytesClassLoader(scenario.classes(), base);
        List<String> names = new ArrayList<>(scenario.classes().keySet().stream().sorted().toList());
        names.addAll(scenario.classPathClasses());
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ScenarioException("cannot load the scenario's class " + name + ": " + e);
            }
        }
        return new SpecReader(scenario.tags()).read(classes);
    }

    /**
     * The master's classpath, in its order, over the parent: parent first, as the master's own loader
     * is, so the worker resolves every class exactly as the master did.
     */
    private synchronized ClassLoader classPathLoader(List<ClassPathEntry> entries) throws ScenarioException {
        try {
            Path folder = Files.createTempDirectory("stampede-classpath");
            folders.add(folder);
            folder.toFile().deleteOnExit(); // a fallback for a worker that ends without close()
            List<URL> urls = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Path jar = folder.resolve(i + ".jar");
                Files.write(jar, entries.get(i).jar());
                jar.toFile().deleteOnExit();
                urls.add(jar.toUri().toURL());
            }
            URLClassLoader loader = new URLClassLoader("stampede-shipped-classpath", urls.toArray(URL[]::new), parent);
            opened.add(loader);
            return loader;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new ScenarioException("cannot store the master's --classpath jars: " + e.getMessage());
        }
    }

    /** Closes the shipped jars' loaders and deletes their folder; the users built from them must have ended. */
    @Override
    public synchronized void close() {
        for (URLClassLoader l : opened) {
            try {
                l.close();
            } catch (IOException e) {
                // the files go below anyway
            }
        }
        opened.clear();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // deleteOnExit tries again
            }
        }
        folders.clear();
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
