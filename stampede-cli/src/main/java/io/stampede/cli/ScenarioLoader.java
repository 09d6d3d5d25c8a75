package io.stampede.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the scenario's classes: a .java file or a folder of them (compiled in memory), or a compiled
 * class on --classpath given by its name (for teams with a Maven project of scenarios).
 */
final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /**
     * The scenario's classes, and the class files of those compiled from source (empty for a class
     * on --classpath, whose jars every process must have).
     */
    record Loaded(List<Class<?>> classes, java.util.Map<String, byte[]> classFiles) {
    }

    static List<Class<?>> load(String scenario, String classpath, CompileCache cache) throws UserError {
        return loadWithClassFiles(scenario, classpath, cache).classes();
    }

    static Loaded loadWithClassFiles(String scenario, String classpath, CompileCache cache) throws UserError {
        ClassLoader parent = classLoader(classpath);
        Path path = Path.of(scenario);
        if (Files.isDirectory(path) || scenario.endsWith(".java")) {
            List<Path> sources = sources(path);
            String compileClasspath = classpath == null ? System.getProperty("java.class.path")
                    : System.getProperty("java.class.path") + File.pathSeparator + classpath;
            ScenarioCompiler.Compiled compiled = new ScenarioCompiler(compileClasspath, cache).compile(sources, parent);
            List<Class<?>> classes = new ArrayList<>();
            for (String name : compiled.classNames()) {
                classes.add(loadClass(compiled.loader(), name));
            }
            return new Loaded(classes, compiled.bytes());
        }
        if (classpath == null) {
            throw new UserError(ExitCodes.USAGE, "scenario file not found: " + scenario
                    + " (give a .java file, a folder of them, or a class name with --classpath)");
        }
        return new Loaded(List.of(loadClass(parent, scenario)), java.util.Map.of());
    }

    private static List<Path> sources(Path path) throws UserError {
        if (!Files.exists(path)) {
            throw new UserError(ExitCodes.USAGE, "scenario file not found: " + path);
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            if (all.isEmpty()) {
                throw new UserError(ExitCodes.USAGE, "no .java files in " + path);
            }
            return all;
        } catch (IOException e) {
            throw new UserError(ExitCodes.USAGE, "cannot read " + path + ": " + e.getMessage());
        }
    }

    private static ClassLoader classLoader(String classpath) throws UserError {
        ClassLoader app = ScenarioLoader.class.getClassLoader();
        if (classpath == null) {
            return app;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                throw new UserError(ExitCodes.USAGE, "--classpath entry not found: " + entry);
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UserError(ExitCodes.USAGE, "bad --classpath entry " + entry + ": " + e.getMessage());
            }
        }
        return new URLClassLoader("stampede-classpath", urls.toArray(URL[]::new), app);
    }

    private static Class<?> loadClass(ClassLoader loader, String name) throws UserError {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UserError(ExitCodes.USAGE, "class not found: " + name + " (check -f and --classpath)");
        }
    }
}
