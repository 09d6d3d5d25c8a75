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
     * The scenario's classes; the class files of those compiled from source (empty for a class on
     * --classpath); the --classpath entries (jars and folders, "dir/*" expanded); and the names of
     * the classes loaded from them. A master ships all of it to its workers.
     */
    record Loaded(List<Class<?>> classes, java.util.Map<String, byte[]> classFiles, List<Path> classPath,
                  List<String> classPathClasses) {
    }

    static List<Class<?>> load(String scenario, String classpath, CompileCache cache) throws UserError {
        return loadWithClassFiles(scenario, classpath, cache).classes();
    }

    static Loaded loadWithClassFiles(String scenario, String classpath, CompileCache cache) throws UserError {
        List<Path> entries = classpath == null ? List.of() : entries(classpath);
        ClassLoader parent = classLoader(entries);
        Path path = Path.of(scenario);
        if (Files.isDirectory(path) || scenario.endsWith(".java")) {
            List<Path> sources = sources(path);
            StringBuilder compileClasspath = new StringBuilder(System.getProperty("java.class.path"));
            entries.forEach(e -> compileClasspath.append(File.pathSeparator).append(e));
            ScenarioCompiler.Compiled compiled = new ScenarioCompiler(compileClasspath.toString(), cache).compile(sources, parent);
            List<Class<?>> classes = new ArrayList<>();
            for (String name : compiled.classNames()) {
                classes.add(loadClass(compiled.loader(), name));
            }
            return new Loaded(classes, compiled.bytes(), entries, List.of());
        }
        if (classpath == null) {
            throw new UserError(ExitCodes.USAGE, "scenario file not found: " + scenario
                    + " (give a .java file, a folder of them, or a class name with --classpath)");
        }
        return new Loaded(List.of(loadClass(parent, scenario)), java.util.Map.of(), entries, List.of(scenario));
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

    /** The --classpath entries in order; "dir/*" is every jar in dir (sorted by name), as for java. */
    static List<Path> entries(String classpath) throws UserError {
        List<Path> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("/*") || entry.equals("*")) {
                Path dir = Path.of(entry.length() == 1 ? "." : entry.substring(0, entry.length() - 2));
                if (!Files.isDirectory(dir)) {
                    throw new UserError(ExitCodes.USAGE, "--classpath entry not found: " + entry);
                }
                try (Stream<Path> jars = Files.list(dir)) {
                    jars.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                            .sorted().forEach(entries::add);
                } catch (IOException e) {
                    throw new UserError(ExitCodes.USAGE, "cannot read --classpath entry " + entry + ": " + e.getMessage());
                }
                continue;
            }
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                throw new UserError(ExitCodes.USAGE, "--classpath entry not found: " + entry);
            }
            entries.add(p);
        }
        return List.copyOf(entries);
    }

    private static ClassLoader classLoader(List<Path> entries) throws UserError {
        ClassLoader app = ScenarioLoader.class.getClassLoader();
        if (entries.isEmpty()) {
            return app;
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : entries) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UserError(ExitCodes.USAGE, "bad --classpath entry " + p + ": " + e.getMessage());
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
