package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled scenarios are reused while nothing they depend on changed, and compiled afresh when it did. */
class CompileCacheTest {
    @TempDir
    Path dir;

    private static final String CLASSPATH = System.getProperty("java.class.path");

    private static String source(String answer) {
        return "public class Answer implements java.util.function.Supplier<String> {"
                + " public String get() { return \"" + answer + "\"; } }";
    }

    @SuppressWarnings("unchecked")
    private static String run(ScenarioCompiler.Compiled compiled) throws Exception {
        Class<?> c = Class.forName("Answer", true, compiled.loader());
        return ((Supplier<String>) c.getDeclaredConstructor().newInstance()).get();
    }

    @Test
    void aSecondRunTakesTheClassesFromTheCacheAndAChangedSourceIsCompiledAgain() throws Exception {
        CompileCache cache = CompileCache.in(dir.resolve("cache"));
        Path file = dir.resolve("Answer.java");
        Files.writeString(file, source("first"));
        ScenarioCompiler compiler = new ScenarioCompiler(CLASSPATH, cache);
        assertThat(run(compiler.compile(List.of(file), getClass().getClassLoader()))).isEqualTo("first");
        List<Path> stored;
        try (var s = Files.list(dir.resolve("cache"))) {
            stored = s.toList();
        }
        assertThat(stored).hasSize(1);
        String key = cache.key(List.of(file), CLASSPATH).orElseThrow();
        assertThat(stored.get(0).getFileName().toString()).isEqualTo(key + ".classes");

        // prove the next run reads the cache: store other bytes under the same key, and they come back
        Path other = Files.createDirectories(dir.resolve("other")).resolve("Answer.java");
        Files.writeString(other, source("from the cache"));
        Map<String, byte[]> otherBytes = Map.of("Answer", compiledBytes(other));
        cache.put(key, otherBytes);
        assertThat(run(compiler.compile(List.of(file), getClass().getClassLoader()))).isEqualTo("from the cache");

        // an edit changes the key: compiled again, and the new class is what runs
        Files.writeString(file, source("edited"));
        assertThat(run(compiler.compile(List.of(file), getClass().getClassLoader()))).isEqualTo("edited");
    }

    @Test
    void aDamagedCacheFileIsIgnored() throws Exception {
        CompileCache cache = CompileCache.in(dir.resolve("cache"));
        Path file = dir.resolve("Answer.java");
        Files.writeString(file, source("ok"));
        String key = cache.key(List.of(file), CLASSPATH).orElseThrow();
        Files.createDirectories(dir.resolve("cache"));
        Files.write(dir.resolve("cache").resolve(key + ".classes"), new byte[] {0, 0, 0, 1, 0, 0});
        assertThat(run(new ScenarioCompiler(CLASSPATH, cache).compile(List.of(file), getClass().getClassLoader())))
                .isEqualTo("ok");
    }

    @Test
    void whereTheCacheLives() {
        assertThat(CompileCache.fromEnvironment(Map.of()).enabled()).isFalse();
        assertThat(CompileCache.fromEnvironment(Map.of("HOME", "/home/x", "STAMPEDE_CACHE_DIR", "off")).enabled()).isFalse();
        assertThat(CompileCache.fromEnvironment(Map.of("HOME", "/home/x")).enabled()).isTrue();
        assertThat(CompileCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "/tmp/c")).enabled()).isTrue();
    }

    /** Another source's class bytes, taken through a cache of their own. */
    private byte[] compiledBytes(Path source) throws Exception {
        CompileCache keep = CompileCache.in(dir.resolve("bytes"));
        new ScenarioCompiler(CLASSPATH, keep).compile(List.of(source), getClass().getClassLoader());
        return keep.get(keep.key(List.of(source), CLASSPATH).orElseThrow()).orElseThrow().get("Answer");
    }
}
