package io.stampede.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles scenario source files in memory with the JDK's compiler, so a scenario is one file run as
 * it is, with no build set-up. Compile errors come back as "file:line: message" lines.
 */
final class ScenarioCompiler {
    private final String classpath;
    private final CompileCache cache;

    /**
     * @param classpath what scenarios compile against: the Stampede API and any --classpath
     * @param cache where earlier compilations of the same sources are kept
     */
    ScenarioCompiler(String classpath, CompileCache cache) {
        this.classpath = classpath;
        this.cache = cache;
    }

    /** Compiles the sources (or takes them from the cache) and returns a loader holding their classes and their names. */
    Compiled compile(List<Path> sources, ClassLoader parent) throws UserError {
        var key = cache.key(sources, classpath);
        var cached = key.flatMap(cache::get);
        if (cached.isPresent()) {
            return new Compiled(new MemoryClassLoader(cached.get(), parent), List.copyOf(cached.get().keySet()), cached.get());
        }
        Map<String, byte[]> bytes = javac(sources);
        key.ifPresent(k -> cache.put(k, bytes));
        return new Compiled(new MemoryClassLoader(bytes, parent), List.copyOf(bytes.keySet()), bytes);
    }

    private Map<String, byte[]> javac(List<Path> sources) throws UserError {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UserError(ExitCodes.USAGE, "this Java runtime has no compiler: run Stampede on a JDK 21+ (not a JRE)");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        try (var files = new MemoryFileManager(standard, classes)) {
            List<String> options = List.of("-classpath", classpath, "-proc:none", "-g", "-parameters", "-nowarn",
                    "--release", String.valueOf(Math.max(21, Runtime.version().feature())));
            Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                throw new UserError(ExitCodes.USAGE, describe(diagnostics));
            }
        } catch (IOException e) {
            throw new UserError(ExitCodes.USAGE, "cannot compile the scenario: " + e.getMessage());
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        return bytes;
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "scenario" : Path.of(d.getSource().toUri()).toString();
                lines.add(file + ":" + d.getLineNumber() + ": error: " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        return "scenario does not compile:" + System.lineSeparator() + String.join(System.lineSeparator(), lines);
    }

    /** The compiled scenario; {@code bytes} (binary name to class file) is what a master ships to its workers. */
    record Compiled(ClassLoader loader, List<String> classNames, Map<String, byte[]> bytes) {
        Compiled {
            bytes = Map.copyOf(bytes);
        }
    }

    /** The JDK's classpath separator, for callers building the classpath. */
    static String join(List<String> entries) {
        return String.join(File.pathSeparator, entries);
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes;

        MemoryFileManager(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return classes.computeIfAbsent(className, n -> new ByteArrayOutputStream());
                }
            };
        }
    }

    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent); // unnamed, so stack traces read "at ShopUser.view(ShopUser.java:12)"
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
