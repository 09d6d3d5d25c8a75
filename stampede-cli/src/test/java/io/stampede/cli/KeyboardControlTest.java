package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.testkit.TargetServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Locust's keys in a headless run: w/W add users, s/S remove them; only from a terminal. */
@Timeout(120)
class KeyboardControlTest {
    @TempDir
    Path dir;

    @Test
    void eachKeyAdjustsTheUsersAndOtherKeysDoNothing() {
        List<Integer> deltas = new CopyOnWriteArrayList<>();
        new KeyboardControl(new ByteArrayInputStream("wWsSx\n".getBytes(StandardCharsets.US_ASCII)), deltas::add).readKeys();
        assertThat(deltas).containsExactly(1, 10, -1, -10);
    }

    private int run(TargetServer server, InputStream in, boolean terminal, ByteArrayOutputStream err, String json)
            throws Exception {
        Path scenario = Cli.scenario(dir, "Keyed", """
                import io.stampede.*;
                public class Keyed extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.05); }
                    @Task void hit() { client.get("/fast"); }
                }
                """);
        String[] args = {"-f", scenario.toString(), "-H", server.url(), "-u", "2", "-r", "100", "-t", "3s", "--headless",
            "--only-summary", "--json-file", dir.resolve(json).toString()};
        return new Main().execute(args, new ProcessContext(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), in, terminal));
    }

    @Test
    void atATerminalTheKeysChangeTheRunningUsers() throws Exception {
        try (TargetServer server = TargetServer.start(); PipedOutputStream keys = new PipedOutputStream()) {
            PipedInputStream in = new PipedInputStream(keys);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread typist = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(800);
                    keys.write("W".getBytes(StandardCharsets.US_ASCII)); // 2 -> 12
                    keys.flush();
                    Thread.sleep(600);
                    keys.write("s".getBytes(StandardCharsets.US_ASCII)); // 12 -> 11
                    keys.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int exit = run(server, in, true, err, "keys.json");
            typist.join();
            String text = err.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text).isZero();
            assertThat(text).contains("users -> 12").contains("users -> 11");
            // every user that ever ran opened its own connection: 12 users at the most, plus the reachability check
            assertThat(server.connectionCount()).isEqualTo(12 + 1);
            var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("keys.json").toFile());
            assertThat(Cli.Result.entry(doc, "Aggregated").get("num_requests").asLong()).isEqualTo(server.requestCount());
        }
    }

    @Test
    void withoutATerminalStandardInputIsNeverRead() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            InputStream untouchable = new InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("standard input was read without a terminal");
                }
            };
            int exit = run(server, untouchable, false, err, "nokeys.json");
            String text = err.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text).isZero();
            assertThat(text).doesNotContain("users ->").doesNotContain("keys:");
            assertThat(server.connectionCount()).isEqualTo(2 + 1);
        }
    }
}
