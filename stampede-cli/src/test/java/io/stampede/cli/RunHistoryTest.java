package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.testkit.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs kept in a results store, listed, compared (a real slowdown is a regression, exit 6) and
 * rebuilt as an HTML report; a store that cannot be opened costs the run nothing but a line.
 */
@Timeout(120)
class RunHistoryTest {
    @TempDir
    Path dir;

    private Path scenario(String className, String path) throws Exception {
        return Cli.scenario(dir, className, """
                import io.stampede.*;
                public class %s extends HttpUser {
                    @Override protected WaitTime waitTime() { return WaitTime.constant(0.01); }
                    @Task void hit() { client.request("GET", "%s").name("hit").send(); }
                }
                """.formatted(className, path));
    }

    @Test
    void runsAreKeptListedComparedAndReported() throws Exception {
        String store = dir.resolve("store").toString();
        try (TargetServer server = TargetServer.start()) {
            Cli.Result fast = Cli.run("-f", scenario("Quick", "/fast").toString(), "-H", server.url(), "-u", "2",
                    "-r", "100", "-t", "2s", "--only-summary", "--store", store);
            assertThat(fast.exit()).as(fast.err()).isZero();
            long first = server.requestCount();
            Cli.Result slow = Cli.run("-f", scenario("Sluggish", "/slow?ms=20").toString(), "-H", server.url(), "-u", "2",
                    "-r", "100", "-t", "2s", "--only-summary", "--store", store);
            assertThat(slow.exit()).as(slow.err()).isZero();

            Cli.Result history = Cli.runAsGiven("history", "--store", store);
            assertThat(history.exit()).as(history.err()).isZero();
            assertThat(history.out()).contains("Quick").contains("Sluggish").contains(Long.toString(first));

            Cli.Result compare = Cli.runAsGiven("compare", "previous", "latest", "--store", store, "--fail-on-regression");
            assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(ExitCodes.REGRESSION);
            assertThat(compare.out()).contains("hit");
            Cli.Result same = Cli.runAsGiven("compare", "1", "1", "--store", store, "--fail-on-regression");
            assertThat(same.exit()).as(same.out() + same.err()).isZero();

            Path html = dir.resolve("report/latest.html");
            Cli.Result report = Cli.runAsGiven("report", "latest", "--html", html.toString(), "--store", store);
            assertThat(report.exit()).as(report.err()).isZero();
            String page = Files.readString(html);
            assertThat(page).contains("Sluggish").contains("hit").doesNotContain("<script src=");
        }
    }

    @Test
    void aStoreThatCannotBeOpenedCostsOneLineAndTheRunStillWritesItsFiles() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        try (TargetServer server = TargetServer.start()) {
            Path json = dir.resolve("run.json");
            Cli.Result r = Cli.run("-f", scenario("Kept", "/fast").toString(), "-H", server.url(), "-u", "1", "-t", "1s",
                    "--only-summary", "--json-file", json.toString(), "--store", notAFolder.resolve("sub").toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err().lines().filter(l -> l.contains("not kept in the results store"))).hasSize(1);
            assertThat(Cli.Result.entry(r.json(json), "Aggregated").get("num_requests").asLong())
                    .isEqualTo(server.requestCount());
        }
    }

    @Test
    void historyWithoutAStoreSaysWhereToPointIt() {
        Cli.Result r = Cli.runAsGiven("history");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--store");
    }
}
