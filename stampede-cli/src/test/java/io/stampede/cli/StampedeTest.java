package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.testkit.TargetServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command as a call (for the JUnit extension and build plugins): its outcome says why a run fails. */
@Timeout(60)
class StampedeTest {
    @TempDir
    Path dir;

    private static Stampede.Outcome run(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Stampede.run(List.of(args), sink, sink);
    }

    @Test
    void failedRequestsAndAFailedThresholdAreNamedWithTheServersCount() throws Exception {
        Path scenario = Cli.scenario(dir, "Broken", """
                import io.stampede.*;
                public class Broken extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.02); }
                    @Task void fail() { check("is ok", client.get("/status/500").ok()); }
                }
                """);
        try (TargetServer server = TargetServer.start()) {
            Stampede.Outcome failed = run("-f", scenario.toString(), "-H", server.url(), "-t", "1s", "--headless", "--store", "off");
            server.catchUp();
            long n = server.requestCount();
            assertThat(n).isPositive();
            assertThat(failed.exitCode()).isEqualTo(ExitCodes.REQUESTS_FAILED);
            assertThat(failed.result().stats().total().count()).isEqualTo(n);
            assertThat(failed.problems(true)).containsExactly("check is ok: " + n + " of " + n + " failed (0.00% passed)",
                    n + " of " + n + " requests failed (exit code 1)");
            assertThat(failed.problems(false)).containsExactly(n + " of " + n + " requests failed (exit code 1)");

            server.reset();
            Stampede.Outcome threshold = run("-f", scenario.toString(), "-H", server.url(), "-t", "1s", "--headless", "--store", "off",
                    "--threshold", "fail_ratio<0.5", "--threshold", "requests>0");
            server.catchUp();
            assertThat(threshold.exitCode()).isEqualTo(ExitCodes.THRESHOLD_FAILED);
            assertThat(threshold.problems(false)).containsExactly("threshold fail_ratio<0.5: was 1");
        }
    }

    @Test
    void aRunThatCannotStartGivesTheCommandsLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path scenario = Cli.scenario(dir, "Idle", """
                import io.stampede.*;
                public class Idle extends HttpUser { @Task void a() { client.get("/"); } }
                """);
        Stampede.Outcome unreachable = run("-f", scenario.toString(), "-H", "http://127.0.0.1:" + port, "-t", "1s", "--headless");
        assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(unreachable.result()).isNull();
        assertThat(unreachable.problems(true)).containsExactly("stampede: cannot reach http://127.0.0.1:" + port + ": connection refused");
        Stampede.Outcome bad = run("-f", scenario.toString(), "--users", "many");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.errorLine()).startsWith("stampede: Invalid value for option '--users'");
    }
}
