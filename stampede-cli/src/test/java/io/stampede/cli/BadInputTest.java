package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.testkit.TargetServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * User mistakes: one clear line on stderr, the documented exit code, never a stack trace, and no
 * load: wherever the command line names a target, it is a live server that counts what it saw.
 */
@Timeout(120)
class BadInputTest {
    @TempDir
    Path dir;

    private TargetServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = TargetServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The exit code, one line on stderr that names the mistake, nothing on stdout, no trace. */
    private static void oneCleanLine(Cli.Result r, int exit, String contains) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        noTrace(r);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("stampede: ").contains(contains);
        assertThat(r.out()).as("stdout").isEmpty();
    }

    private static void noTrace(Cli.Result r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread").doesNotContain("Caused by:");
        assertThat(r.out()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    /** The run was refused before it started: the server saw no connection, not even the reachability check. */
    private void untouched() throws Exception {
        server.catchUp();
        assertThat(server.connectionCount()).as("connections").isZero();
        assertThat(server.requestCount()).as("requests").isZero();
    }

    /** A mistake found before the run: the line, the exit code, and the server untouched. */
    private void refused(int exit, String contains, String... args) throws Exception {
        oneCleanLine(Cli.run(args), exit, contains);
        untouched();
    }

    private Path okScenario() throws Exception {
        return Cli.scenario(dir, "Ok", """
                import io.stampede.*;
                public class Ok extends HttpUser { @Task void t() { client.get("/fast"); } }
                """);
    }

    @Test
    void compileErrorNamesFileAndLine() throws Exception {
        Path bad = Cli.scenario(dir, "Broken", """
                import io.stampede.*;

                public class Broken extends HttpUser {
                    @Task void t() {
                        client.gett("/x");
                    }
                }
                """);
        Cli.Result r = Cli.run("-f", bad.toString(), "-H", server.url(), "-t", "1s");
        // the one line, then javac's own: each naming the file and line
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        noTrace(r);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("stampede: scenario does not compile:");
        assertThat(lines.subList(1, lines.size())).containsExactly(bad + ":5: error: cannot find symbol");
        assertThat(r.out()).isEmpty();
        untouched();
    }

    @Test
    void unknownFlag() throws Exception {
        refused(ExitCodes.USAGE, "Unknown option: '--users-per-second'",
                "-f", okScenario().toString(), "-H", server.url(), "--users-per-second", "5");
        oneCleanLine(Cli.run("--users-per-second", "5"), ExitCodes.USAGE, "Unknown option: '--users-per-second'");
    }

    @Test
    void badValues() throws Exception {
        String f = okScenario().toString();
        String h = server.url();
        refused(ExitCodes.USAGE, "-t/--run-time", "-f", f, "-H", h, "-t", "5 minutes");
        refused(ExitCodes.USAGE, "-u", "-f", f, "-H", h, "-u", "many");
        refused(ExitCodes.USAGE, "must be an http:// or https:// URL", "-f", f, "-H", "ftp://127.0.0.1:" + server.port());
        refused(ExitCodes.USAGE, "not a threshold", "-f", f, "-H", h, "--threshold", "p95 small");
        refused(ExitCodes.USAGE, "no scenario", "-H", h);
        refused(ExitCodes.USAGE, "--arrival-rate", "-f", f, "-H", h, "--arrival-rate", "fast");
        refused(ExitCodes.USAGE, "--arrival-rate needs -t/--run-time", "-f", f, "-H", h, "--arrival-rate", "10/s");
        refused(ExitCodes.USAGE, "do not go together", "-f", f, "-H", h, "-t", "1s", "--arrival-rate", "10/s",
                "--step-users", "2", "--step-time", "1s");
        refused(ExitCodes.USAGE, "needs both --step-users N and --step-time TIME", "-f", f, "-H", h, "--step-users", "2");
        oneCleanLine(Cli.run("-f", f), ExitCodes.USAGE, "no target");
    }

    @Test
    void mistakesFoundAfterTheReachabilityCheckStillSendNothing() throws Exception {
        String f = okScenario().toString();
        Cli.Result transport = Cli.run("-f", f, "-H", server.url(), "-t", "1s", "--transport", "carrier-pigeon");
        oneCleanLine(transport, ExitCodes.USAGE, "--transport must be socket or jdk");
        server.catchUp();
        assertThat(server.connectionCount()).as("the reachability check only").isEqualTo(1);
        assertThat(server.requestCount()).isZero();

        server.reset();
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Cli.Result csv = Cli.run("-f", f, "-H", server.url(), "-t", "1s", "--csv", file.resolve("run").toString());
        oneCleanLine(csv, ExitCodes.USAGE, "cannot create folder " + file);
        server.catchUp();
        assertThat(server.connectionCount()).as("the reachability check only").isEqualTo(1);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void missingFileAndMissingClass() throws Exception {
        refused(ExitCodes.USAGE, "scenario file not found", "-f", dir.resolve("Nope.java").toString(), "-H", server.url());
        refused(ExitCodes.USAGE, "class not found: com.acme.Missing",
                "--classpath", dir.toString(), "-f", "com.acme.Missing", "-H", server.url());
        refused(ExitCodes.USAGE, "no user class named Other", "-f", okScenario().toString(), "-H", server.url(), "Other");
    }

    @Test
    void scenarioWithoutUsersOrTasks() throws Exception {
        Path none = Cli.scenario(dir, "Helper", "public class Helper { }");
        refused(ExitCodes.USAGE, "no user class found", "-f", none.toString(), "-H", server.url());
        Path empty = Cli.scenario(dir, "Idle", "import io.stampede.*; public class Idle extends HttpUser { }");
        refused(ExitCodes.USAGE, "Idle: no tasks", "-f", empty.toString(), "-H", server.url());
    }

    @Test
    void unreachableHost() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        oneCleanLine(Cli.run("-f", okScenario().toString(), "-H", "http://127.0.0.1:" + port, "-t", "1s"),
                ExitCodes.UNREACHABLE, "cannot reach http://127.0.0.1:" + port + ": connection refused");
        oneCleanLine(Cli.run("-f", okScenario().toString(), "-H", "http://no-such-host.invalid", "-t", "1s"),
                ExitCodes.UNREACHABLE, "unknown host no-such-host.invalid");
    }

    @Test
    void versionAndHelp() {
        Cli.Result v = Cli.run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("stampede 0.1.0");
        Cli.Result h = Cli.run("--help");
        assertThat(h.exit()).isZero();
        assertThat(h.out()).contains("--spawn-rate").contains("--csv-full-history").contains("--arrival-rate");
    }

    @Test
    void cleanRunExitsZero() throws Exception {
        Path json = dir.resolve("clean.json");
        Cli.Result r = Cli.run("-f", okScenario().toString(), "-H", server.url(), "-t", "1s", "--only-summary",
                "--json-file", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        long reported = Cli.Result.entry(r.json(json), "Aggregated").get("num_requests").asLong();
        assertThat(reported).isPositive().isEqualTo(server.requestCount("GET", "/fast")).isEqualTo(server.requestCount());
    }
}
