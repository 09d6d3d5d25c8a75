package io.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.stats.ErrorStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's advice for causes a flag or a limit removes; nothing for the others. */
class FailureAdviceTest {
    private static ErrorStats error(String name, String cause) {
        return new ErrorStats("GET", name, cause, 3, 1, 2);
    }

    @Test
    void namesTheFlagOncePerCauseAndNothingForOtherFailures() {
        List<String> lines = FailureAdvice.of(List.of(
                error("/a", "out of file descriptors"),
                error("/b", "out of file descriptors"),
                error("/a", "out of local ports to 127.0.0.1:8080"),
                error("/a", "TLS: server certificate not trusted"),
                error("/a", "HTTP 500 Internal Server Error")));
        assertThat(lines).containsExactly(
                "'out of file descriptors': raise the open-files limit (ulimit -n), or share connections with --max-connections N",
                "'out of local ports to 127.0.0.1:8080': share connections with --max-connections N, or give the host more source addresses",
                "'TLS: server certificate not trusted': a self-signed test server? --insecure skips verification");
    }
}
