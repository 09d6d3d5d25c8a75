package io.stampede.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image tar as {@code jib:buildTar} writes it (docker save's format: manifest.json, the config,
 * one gzipped tar per layer), and its root file system made as a container runtime makes it: the
 * layers unpacked in order, each entry with its own mode.
 */
record ImageTar(JsonNode manifest, JsonNode config, Map<String, Entry> entries, Path root) {
    /** One path of the root file system: who owns it and its mode, from the last layer that has it. */
    record Entry(String path, int mode, long uid, long gid, boolean directory, long size) {
        boolean writableByOthers() {
            return (mode & 0002) != 0;
        }
    }

    static ImageTar unpack(Path tar, Path dir) throws IOException {
        Path outer = Files.createDirectories(dir.resolve("image"));
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = outer.resolve(e.getName()).normalize();
                if (!target.startsWith(outer) || !e.isFile()) {
                    throw new IOException("unexpected entry in the image tar: " + e.getName());
                }
                Files.copy(in, target);
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(outer.resolve("manifest.json").toFile());
        if (manifest.size() != 1) {
            throw new IOException("one image expected in the tar, found " + manifest.size());
        }
        JsonNode config = json.readTree(outer.resolve(manifest.get(0).get("Config").asText()).toFile());
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode layer : manifest.get(0).get("Layers")) {
            try (InputStream gz = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(outer.resolve(layer.asText()))));
                 TarArchiveInputStream in = new TarArchiveInputStream(gz)) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    apply(root, e, in, entries);
                }
            }
        }
        return new ImageTar(manifest, config, entries, root);
    }

    private static void apply(Path root, TarArchiveEntry e, InputStream in, Map<String, Entry> entries) throws IOException {
        String name = "/" + e.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
        Path target = root.resolve(name.substring(1)).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("a layer entry outside the root: " + e.getName());
        }
        if (e.getName().contains("/.wh.") || e.getName().startsWith(".wh.")) {
            throw new IOException("whiteouts are not expected in a Jib image over scratch: " + e.getName());
        }
        if (e.isDirectory()) {
            Files.createDirectories(target);
        } else if (e.isFile()) {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.copy(in, target);
        } else {
            // Jib writes files and directories only (no links, no devices)
            throw new IOException("an entry of another type in a layer: " + e.getName());
        }
        Files.setPosixFilePermissions(target, permissions(e.getMode()));
        entries.put(name.isEmpty() ? "/" : name, new Entry(name, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(),
                e.isDirectory(), e.getSize()));
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    String user() {
        return config.get("config").get("User").asText();
    }

    List<String> entrypoint() {
        List<String> list = new ArrayList<>();
        config.get("config").get("Entrypoint").forEach(n -> list.add(n.asText()));
        return list;
    }

    /** The image's environment, NAME=value. */
    List<String> env() {
        List<String> list = new ArrayList<>();
        config.get("config").get("Env").forEach(n -> list.add(n.asText()));
        return list;
    }
}
