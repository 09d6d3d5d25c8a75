package io.stampede.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One container of the image run the way a container runtime runs it, as far as a chroot goes: in a
 * mount namespace of its own, the image's root file system mounted read-only (the chart's
 * readOnlyRootFilesystem) with /proc, /dev, a /tmp of its own (the chart's emptyDir), the files a
 * pod gets (/etc/hosts, the scenario's ConfigMap), only the image's and the pod's environment, and
 * the image's user (chroot --userspec). It shares this machine's network, so 127.0.0.1 is the test's.
 */
final class Pod implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private Pod(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param mounts what the pod gets on top of the image, container path to a file or folder of this machine
     *               (it must exist in the image as a file or folder to mount on; the runtime makes those too)
     */
    static Pod start(String name, ImageTar image, List<String> command, Map<String, String> env,
                     Map<String, Path> mounts, Path dir) throws IOException {
        Path root = image.root();
        Path tmp = Files.createDirectories(dir.resolve(name + "-tmp"));
        Files.setPosixFilePermissions(tmp, ImageTar.permissions(0777));
        StringBuilder script = new StringBuilder("set -e\nR=\"$1\"; shift\n")
                .append("mount --bind \"$R\" \"$R\"\nmount -o remount,bind,ro \"$R\"\n")
                .append("mount -t proc proc \"$R/proc\"\nmount --rbind /dev \"$R/dev\"\n")
                .append("mount --bind ").append(quote(tmp)).append(" \"$R/tmp\"\n");
        for (Map.Entry<String, Path> m : mounts.entrySet()) {
            script.append("mount --bind -o ro ").append(quote(m.getValue())).append(" \"$R").append(m.getKey()).append("\"\n");
        }
        script.append("exec env -i \"$@\"\n");
        List<String> args = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--fork",
                "--kill-child", "sh", "-c", script.toString(), "sh", root.toString()));
        image.env().forEach(args::add);
        env.forEach((k, v) -> args.add(k + "=" + v));
        args.add("HOSTNAME=" + name);
        args.addAll(List.of("/usr/sbin/chroot", "--userspec=" + image.user(), root.toString()));
        args.addAll(command);
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Pod(name, p, log);
    }

    /** The mount points a runtime makes in a root file system before it starts a container in it. */
    static void prepareMountPoints(Path root, List<String> dirs, List<String> files) throws IOException {
        for (String d : dirs) {
            Files.createDirectories(root.resolve(d.substring(1)));
        }
        for (String f : files) {
            Path p = root.resolve(f.substring(1));
            Files.createDirectories(p.getParent());
            if (!Files.exists(p)) {
                Files.createFile(p);
            }
        }
    }

    int waitFor(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + within + ":\n" + output());
        }
        return process.exitValue();
    }

    /** The JVM inside (unshare, then sh, env and chroot exec into it): its pid on this machine. */
    Optional<ProcessHandle> java() {
        return process.toHandle().descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    String name() {
        return name;
    }

    private static String quote(Path p) {
        return "'" + p.toString().replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        // unshare --kill-child takes the container with it
        process.destroyForcibly();
    }
}
