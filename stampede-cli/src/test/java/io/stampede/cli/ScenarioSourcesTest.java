package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.testkit.Reply;
import io.stampede.testkit.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where scenarios come from besides one file: a folder of them, and compiled classes on --classpath. */
@Timeout(120)
class ScenarioSourcesTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOfScenariosRunsEveryUserClassMixedByWeight() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("load"));
        Cli.scenario(folder, "Buyer", """
                import io.stampede.*;
                @Weight(3)
                public class Buyer extends HttpUser {
                    @Override protected void onStart() { client.get("/buyer"); }
                    @Task void buy() { client.get("/fast?who=buyer"); }
                }
                """);
        Cli.scenario(folder, "Browser", """
                import io.stampede.*;
                public class Browser extends HttpUser {
                    @Override protected void onStart() { client.get("/browser"); }
                    @Task void look() { client.get("/fast?who=browser"); }
                }
                """);
        try (TargetServer server = TargetServer.start(Map.of("/buyer", r -> Reply.text(200, "hi"),
                "/browser", r -> Reply.text(200, "hi")))) {
            Path json = dir.resolve("out.json");
            Cli.Result r = Cli.run("-f", folder.toString(), "-H", server.url(), "-u", "8", "-r", "100", "-t", "2s",
                    "--headless", "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            // users, not requests, follow the class weights: exactly 6 buyers and 2 browsers started
            assertThat(server.requestCount("GET", "/buyer")).isEqualTo(6);
            assertThat(server.requestCount("GET", "/browser")).isEqualTo(2);
            JsonNode doc = r.json(json);
            assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong())
                    .isEqualTo(server.requestCount()).isGreaterThan(100);
        }
    }

    @Test
    void aCompiledScenarioRunsFromTheClasspath() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/com/acme"));
        Files.writeString(src.resolve("Shopper.java"), """
                package com.acme;
                import io.stampede.*;
                public class Shopper extends HttpUser {
                    @Task void shop() { client.get("/fast?from=classpath"); }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("Shopper.java").toString());
        assertThat(compiled).isZero();
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("cp.json");
            Cli.Result r = Cli.run("--classpath", classes.toString(), "-f", "com.acme.Shopper", "-H", server.url(),
                    "-u", "2", "-r", "100", "-t", "1s", "--headless", "--only-summary", "--json-file", json.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            long reported = Cli.Result.entry(r.json(json), "/fast").get("num_requests").asLong();
            assertThat(reported).isEqualTo(server.requestCount("GET", "/fast")).isGreaterThan(10);
            assertThat(List.of(r.out(), r.err()).toString()).contains("Shopper");
        }
    }
}
