package io.stampede.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compiled scenarios kept between runs: javac is most of a short run's start-up (bench/README.md), and
 * people run the same file again and again. The key is a hash of everything the bytes depend on: the
 * sources (paths and contents), the compile classpath (each entry's size and modification time), the
 * JDK and Stampede's version; any change compiles afresh. Only successful compilations are kept, and a
 * cache that cannot be read or written is simply not used.
 *
 * <p>Where: {@code STAMPEDE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/stampede}, else
 * {@code $HOME/.cache/stampede}; {@code STAMPEDE_CACHE_DIR=off} turns it off.
 */
final class CompileCache {
    private static final int FORMAT = 1;
    private final Path dir;

    private CompileCache(Path dir) {
        this.dir = dir;
    }

    static CompileCache none() {
        return new CompileCache(null);
    }

    static CompileCache in(Path dir) {
        return new CompileCache(dir);
    }

    static CompileCache fromEnvironment(Map<String, String> env) {
        String explicit = env.get("STAMPEDE_CACHE_DIR");
        if (explicit != null) {
            return explicit.isBlank() || explicit.equals("off") ? none() : in(Path.of(explicit, "scenarios"));
        }
        if (env.get("XDG_CACHE_HOME") != null && !env.get("XDG_CACHE_HOME").isBlank()) {
            return in(Path.of(env.get("XDG_CACHE_HOME"), "stampede", "scenarios"));
        }
        if (env.get("HOME") != null && !env.get("HOME").isBlank()) {
            return in(Path.of(env.get("HOME"), ".cache", "stampede", "scenarios"));
        }
        return none();
    }

    boolean enabled() {
        return dir != null;
    }

    /** The key for these sources compiled against this classpath; empty when something cannot be read. */
    Optional<String> key(List<Path> sources, String classpath) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            text(sha, "stampede " + Version.VERSION + " format " + FORMAT + " jdk " + Runtime.version());
            text(sha, classpath);
            for (String entry : classpath.split(File.pathSeparator)) {
                stamp(sha, Path.of(entry));
            }
            for (Path source : sources) {
                text(sha, source.toAbsolutePath().normalize().toString());
                sha.update(Files.readAllBytes(source));
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** The classes stored under this key, if any. */
    Optional<Map<String, byte[]>> get(String key) {
        Path file = dir.resolve(key + ".classes");
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            int n = in.readInt();
            Map<String, byte[]> classes = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            return Optional.of(classes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // absent, or half-written by a run that died: compile again
        }
    }

    /** Stores the classes under this key; written whole to a temporary file, then moved in place. */
    void put(String key, Map<String, byte[]> classes) {
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.writeInt(FORMAT);
                out.writeInt(classes.size());
                for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    out.write(e.getValue());
                }
            }
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.write(tmp, buffer.toByteArray());
            Files.move(tmp, dir.resolve(key + ".classes"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a read-only home or a full disk: the next run compiles again, nothing else changes
        }
    }

    private static void text(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /** A classpath entry's identity: size and time of the file, or of every file in the folder. */
    private static void stamp(MessageDigest sha, Path entry) throws IOException {
        if (Files.isRegularFile(entry)) {
            stampFile(sha, entry);
        } else if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    text(sha, f.toString());
                    stampFile(sha, f);
                }
            }
        }
    }

    private static void stampFile(MessageDigest sha, Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        text(sha, a.size() + "/" + a.lastModifiedTime().toMillis());
    }
}
