import java.io.IOException;
import java.io.PrintWriter;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Lays out everything of the image's root file system that is not Stampede's jar: a Java runtime
 * linked by jlink from the JDK running this file (the build's toolchain JDK), and the shared libraries
 * of this machine that the runtime's executables and libraries link to (glibc), at the paths the
 * dynamic loader looks for them. Jib then puts the folder into the image over {@code scratch}, so the
 * build pulls no base image. Run by the build as {@code java AssembleRuntime.java OUT MODULES OPTIONAL [EMPTY_CLASSES_DIR]}.
 */
public final class AssembleRuntime {
    /** Native libraries of java.desktop that only a display or a sound card loads: left out, and so are the X11 and ALSA libraries they link to. */
    static final String DESKTOP_ONLY = "**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so";
    /** glibc opens this one itself (dlopen, so ldd cannot see it) to unwind a thread that is cancelled or a crash's stack. */
    static final List<String> DLOPENED = List.of("libgcc_s.so.1");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        List<String> modules = new ArrayList<>(split(args[1]));
        for (String optional : split(args.length > 2 ? args[2] : "")) {
            if (ModuleFinder.ofSystem().find(optional).isPresent()) {
                modules.add(optional);
            }
        }
        long start = System.nanoTime();
        deleteTree(out);
        Path java = out.resolve("opt/java");
        jlink(modules, java);
        Set<Path> libraries = linkedLibraries(java);
        for (Path library : libraries) {
            copyInto(out, library);
        }
        Files.createDirectories(out.resolve("tmp"));
        if (args.length > 3) {
            Files.createDirectories(Path.of(args[3]));
        }
        System.out.printf("image runtime: %s (Java %s, %d modules) and %d system libraries %s in %d ms%n",
                java, Runtime.version(), modules.size(), libraries.size(), libraries,
                (System.nanoTime() - start) / 1_000_000);
    }

    static void jlink(List<String> modules, Path output) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() ->
                new IllegalStateException("this JDK has no jlink: build the image with a full JDK 21+"));
        List<String> args = List.of("--add-modules", String.join(",", modules), "--output", output.toString(),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--exclude-files=" + DESKTOP_ONLY);
        int code = jlink.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args.toArray(String[]::new));
        if (code != 0) {
            // a JDK without jmods (Debian's openjdk-21-jdk-headless ships them in openjdk-21-jmods) can only
            // link when it was built to link from its own run-time image (JEP 493), as this machine's Temurin 25 is
            throw new IllegalStateException("jlink failed (exit " + code + "): with Debian's OpenJDK, install openjdk-21-jmods;"
                    + " or build with -Dstampede.image.skip=true to leave the image out");
        }
    }

    /** What ldd says every executable and shared library of the runtime needs from outside it, plus {@link #DLOPENED}. */
    static Set<Path> linkedLibraries(Path runtime) throws IOException, InterruptedException {
        List<Path> elfFiles;
        try (Stream<Path> files = Files.walk(runtime)) {
            elfFiles = files.filter(Files::isRegularFile).filter(AssembleRuntime::isElf).toList();
        }
        Set<Path> found = new TreeSet<>();
        for (Path file : elfFiles) {
            Process ldd = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
            String text = new String(ldd.getInputStream().readAllBytes());
            ldd.waitFor();
            for (String line : text.lines().map(String::trim).toList()) {
                // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)";
                // libjvm.so shows as "not found": the launcher opens it from the runtime by its path
                String path = line.contains("=>") ? line.substring(line.indexOf("=>") + 2).trim() : line;
                path = path.replaceFirst("\\s*\\(0x[0-9a-f]+\\)$", "");
                if (path.startsWith("/") && !path.startsWith(runtime.toString())) {
                    found.add(Path.of(path));
                }
            }
        }
        Path libc = found.stream().filter(p -> p.getFileName().toString().equals("libc.so.6")).findFirst()
                .orElseThrow(() -> new IllegalStateException("ldd found no libc.so.6 for " + runtime));
        for (String name : DLOPENED) {
            Path beside = libc.resolveSibling(name);
            if (Files.exists(beside)) {
                found.add(beside);
            }
        }
        return found;
    }

    /** The file a path leads to, copied as a plain file to the same path under the root (Jib keeps no symbolic links). */
    static void copyInto(Path root, Path library) throws IOException {
        Path target = root.resolve(library.toString().substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(library.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    static boolean isElf(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return Arrays.equals(magic, new byte[] {0x7f, 'E', 'L', 'F'});
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
