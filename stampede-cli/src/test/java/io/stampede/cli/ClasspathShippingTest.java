package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.testkit.TargetServer;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A --classpath scenario is shipped by the master: the scenario's class is compiled here into a jar,
 * and a library class with a resource into a folder, that only the master is told about; the workers
 * (the stampede command in threads of this JVM, whose own classpath lacks both) run it from what the
 * master sent, and the master's merged count is what the server received.
 */
@Timeout(120)
class ClasspathShippingTest {
    @TempDir
    Path dir;

    @Test
    void workersRunAClasspathScenarioTheyDoNotHave() throws Exception {
        Path jar = Files.createDirectories(dir.resolve("libs")).resolve("scenario.jar");
        Path lib = dir.resolve("lib-classes");
        compile(jar, lib);
        assertThatThrownBy(() -> Class.forName("com.acme.ShippedUser")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.acme.lib.Paths")).isInstanceOf(ClassNotFoundException.class);
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("cluster.json");
            // "libs/*" is every jar in libs, as for java
            RunningCommand master = RunningCommand.start("--classpath", dir.resolve("libs") + "/*" + java.io.File.pathSeparator + lib, "-f",
                    "com.acme.ShippedUser",
                    "-H", server.url(), "-u", "4", "-r", "100", "-t", "2s", "--headless", "--only-summary",
                    "--json-file", json.toString(), "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", "0",
                    "--expect-workers", "2", "--expect-workers-max-wait", "60s", "--cluster-token", "s3cret");
            String port = String.valueOf(master.masterPort());
            RunningCommand w1 = RunningCommand.start("--worker", "--master-port", port, "--cluster-token", "s3cret");
            RunningCommand w2 = RunningCommand.start("--worker", "--master-port", port, "--cluster-token", "s3cret");
            assertThat(master.exitWithin(60)).as(master.errText()).isZero();
            assertThat(w1.exitWithin(30)).as(w1.errText()).isZero();
            assertThat(w2.exitWithin(30)).as(w2.errText()).isZero();
            JsonNode doc = new ObjectMapper().readTree(json.toFile());
            // the scenario names its rows after the loader that defined it: the workers' shipped one, never the master's
            long reported = Cli.Result.entry(doc, "stampede-shipped-classpath").get("num_requests").asLong();
            assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong()).isEqualTo(reported);
            // the path came from the library folder's resource file
            assertThat(reported).isPositive().isEqualTo(server.requestCount("GET", "/fast")).isEqualTo(server.requestCount());
            assertThat(doc.get("exceptions").size()).isZero();
        }
    }

    @Test
    void aClasspathAboveTheLimitIsRefusedInOneLine() throws Exception {
        Path jar = dir.resolve("scenario.jar");
        Path lib = dir.resolve("lib-classes");
        compile(jar, lib);
        try (RandomAccessFile big = new RandomAccessFile(lib.resolve("big.bin").toFile(), "rw")) {
            big.setLength(65L << 20); // sparse: costs no disk
        }
        try (TargetServer server = TargetServer.start()) {
            Cli.Result r = Cli.run("--classpath", jar + java.io.File.pathSeparator + lib, "-f", "com.acme.ShippedUser",
                    "-H", server.url(), "-u", "1", "-t", "1s", "--master", "--master-bind-host", "127.0.0.1",
                    "--master-bind-port", "0", "--cluster-token", "s3cret");
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("at most 64 MiB").contains("65.0 MiB").contains("the largest: " + lib)
                    .doesNotContain("\tat ");
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
        }
    }

    /** ShippedUser into a jar, and the library it uses (a class and its resource file) into a folder. */
    private void compile(Path jar, Path lib) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("com/acme/lib"));
        Files.writeString(src.resolve("com/acme/ShippedUser.java"), """
                package com.acme;
                import io.stampede.*;
                public class ShippedUser extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void hit() {
                        client.request("GET", com.acme.lib.Paths.target()).name(getClass().getClassLoader().getName()).send();
                    }
                }
                """);
        Files.writeString(src.resolve("com/acme/lib/Paths.java"), """
                package com.acme.lib;
                public final class Paths {
                    public static String target() {
                        try (var in = Paths.class.getResourceAsStream("target.txt")) {
                            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
                """);
        Path out = Files.createDirectories(dir.resolve("out"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), "-cp",
                System.getProperty("java.class.path"), src.resolve("com/acme/ShippedUser.java").toString(),
                src.resolve("com/acme/lib/Paths.java").toString());
        assertThat(compiled).isZero();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(file)) {
            j.putNextEntry(new JarEntry("com/acme/ShippedUser.class"));
            j.write(Files.readAllBytes(out.resolve("com/acme/ShippedUser.class")));
            j.closeEntry();
        }
        Path libPackage = Files.createDirectories(lib.resolve("com/acme/lib"));
        Files.copy(out.resolve("com/acme/lib/Paths.class"), libPackage.resolve("Paths.class"));
        Files.writeString(libPackage.resolve("target.txt"), "/fast\n");
    }
}
