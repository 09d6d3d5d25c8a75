package io.stampede.cli;

import io.stampede.cluster.ClassPathEntry;
import io.stampede.cluster.ClusterScenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What a master ships of its --classpath: every entry as a jar (a folder packed into one, with its
 * resources), in order, so workers need no copy. All of it travels in one message to every worker,
 * so it is bounded ({@link ClusterScenario#MAX_BYTES}), and checked before anything is read.
 */
final class ShippedClassPath {
    private ShippedClassPath() {
    }

    static List<ClassPathEntry> read(List<Path> entries, long alsoShipped) throws UserError {
        long total = alsoShipped;
        Path largest = null;
        long largestBytes = -1;
        for (Path e : entries) {
            long n = size(e);
            total += n;
            if (n > largestBytes) {
                largest = e;
                largestBytes = n;
            }
        }
        if (total > ClusterScenario.MAX_BYTES) {
            throw new UserError(ExitCodes.USAGE, String.format(Locale.ROOT, "--master sends the scenario and its --classpath"
                    + " to every worker, at most %d MiB, and these come to %.1f MiB (the largest: %s, %.1f MiB):"
                    + " leave out of --classpath what the scenario does not use", ClusterScenario.MAX_BYTES >> 20,
                    mib(total), largest, mib(largestBytes)));
        }
        List<ClassPathEntry> shipped = new ArrayList<>();
        for (Path e : entries) {
            try {
                shipped.add(new ClassPathEntry(e.toString(), Files.isDirectory(e) ? pack(e) : Files.readAllBytes(e)));
            } catch (IOException | UncheckedIOException x) {
                throw new UserError(ExitCodes.USAGE, "cannot read --classpath entry " + e + ": " + x.getMessage());
            }
        }
        return shipped;
    }

    private static double mib(long bytes) {
        return bytes / (double) (1 << 20);
    }

    /** A jar's size, or the sum of a folder's files. */
    private static long size(Path entry) throws UserError {
        try {
            if (!Files.isDirectory(entry)) {
                return Files.size(entry);
            }
            try (Stream<Path> files = Files.walk(entry)) {
                long n = 0;
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    n += Files.size(p);
                }
                return n;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(ExitCodes.USAGE, "cannot read --classpath entry " + entry + ": " + e.getMessage());
        }
    }

    /** A folder of classes and resources as a jar, entry names relative to it ("com/acme/ShopUser.class"). */
    private static byte[] pack(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted().toList()) {
                if (p.equals(folder)) {
                    continue;
                }
                String name = folder.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                if (Files.isDirectory(p)) {
                    jar.putNextEntry(new JarEntry(name + "/"));
                } else {
                    jar.putNextEntry(new JarEntry(name));
                    Files.copy(p, jar);
                }
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
