package io.stampede.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo API's own command, 'bin/stampede demo-api', as a newcomer types it: where the default
 * java is older than 21 (17 on this machine) it still starts, on the JDK the launcher finds.
 */
@Timeout(120)
class DemoApiLauncherIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LISTENING = Pattern.compile("Demo API listening on (http://\\S+)");

    @Test
    void startsOnAJdkItFindsItselfAndAnswers() throws Exception {
        Path demoJar = ROOT.resolve("stampede-demo/target/stampede-demo.jar");
        assumeTrue(Files.exists(demoJar), "the demo jar is built by this reactor");
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("bin/stampede").toString(), "demo-api", "--port", "0")
                .redirectErrorStream(true);
        // as a new user's shell: the system's default java first, no JAVA_HOME pointing anywhere
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("STAMPEDE_JAVA_HOME");
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        Process p = pb.start();
        try {
            CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    StringBuilder seen = new StringBuilder();
                    String line;
                    while ((line = r.readLine()) != null) {
                        seen.append(line).append('\n');
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                    throw new IllegalStateException("the demo API did not start:\n" + seen);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String base = url.get(90, TimeUnit.SECONDS);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
