package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.testkit.TargetServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User mistakes: one clear line on stderr, the documented exit code, never a stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void oneCleanLine(Cli.Result r, int exit, String contains) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).startsWith("stampede: ").contains(contains);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in");
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
        Cli.Result r = Cli.run("-f", bad.toString(), "-H", "http://127.0.0.1:1", "-t", "1s");
        oneCleanLine(r, ExitCodes.USAGE, "scenario does not compile");
        assertThat(r.err()).contains(bad + ":5: error: cannot find symbol");
    }

    @Test
    void unknownFlag() {
        oneCleanLine(Cli.run("--users-per-second", "5"), ExitCodes.USAGE, "Unknown option: '--users-per-second'");
    }

    @Test
    void badValues() throws Exception {
        String f = okScenario().toString();
        oneCleanLine(Cli.run("-f", f, "-H", "http://127.0.0.1:1", "-t", "5 minutes"), ExitCodes.USAGE, "-t/--run-time");
        oneCleanLine(Cli.run("-f", f, "-H", "http://127.0.0.1:1", "-u", "many"), ExitCodes.USAGE, "-u");
        oneCleanLine(Cli.run("-f", f, "-H", "ftp://x"), ExitCodes.USAGE, "must be an http:// or https:// URL");
        oneCleanLine(Cli.run("-f", f, "-H", "http://127.0.0.1:1", "--threshold", "p95 small"), ExitCodes.USAGE, "not a threshold");
        oneCleanLine(Cli.run("-f", f), ExitCodes.USAGE, "no target");
        oneCleanLine(Cli.run("-H", "http://127.0.0.1:1"), ExitCodes.USAGE, "no scenario");
        oneCleanLine(Cli.run("-f", f, "-H", "http://127.0.0.1:1", "--arrival-rate", "fast"), ExitCodes.USAGE, "--arrival-rate");
    }

    @Test
    void missingFileAndMissingClass() throws Exception {
        oneCleanLine(Cli.run("-f", dir.resolve("Nope.java").toString(), "-H", "http://127.0.0.1:1"), ExitCodes.USAGE,
                "scenario file not found");
        oneCleanLine(Cli.run("--classpath", dir.toString(), "-f", "com.acme.Missing", "-H", "http://127.0.0.1:1"),
                ExitCodes.USAGE, "class not found: com.acme.Missing");
        oneCleanLine(Cli.run("-f", okScenario().toString(), "-H", "http://127.0.0.1:1", "Other"), ExitCodes.USAGE,
                "no user class named Other");
    }

    @Test
    void scenarioWithoutUsersOrTasks() throws Exception {
        Path none = Cli.scenario(dir, "Helper", "public class Helper { }");
        oneCleanLine(Cli.run("-f", none.toString(), "-H", "http://127.0.0.1:1"), ExitCodes.USAGE, "no user class found");
        Path empty = Cli.scenario(dir, "Idle", "import io.stampede.*; public class Idle extends HttpUser { }");
        oneCleanLine(Cli.run("-f", empty.toString(), "-H", "http://127.0.0.1:1"), ExitCodes.USAGE, "Idle: no tasks");
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
        try (TargetServer server = TargetServer.start()) {
            Cli.Result r = Cli.run("-f", okScenario().toString(), "-H", server.url(), "-t", "1s", "--only-summary");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
        }
    }
}
