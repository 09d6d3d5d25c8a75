package io.stampede.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The synthetic step-load report opened in headless Chromium (skipped without it). The screenshot
 * is left in target/ to look at; docs/images/html-report.png is one of these.
 */
class BrowserScreenshotTest {
    @Test
    void theSyntheticReportRendersOffline() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "no " + Chromium.BINARY);
        SyntheticRun run = SyntheticRun.stepLoad();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Scenario", "examples/Shop.java");
        parameters.put("Stampede version", "0.1.0-SNAPSHOT");
        parameters.put("Machine", "load-gen-1 (2 cores, Linux)");
        String html = HtmlReport.render(new ReportData(run.info(), run.result(List.of("p95<500ms", "fail_ratio<0.01"), null),
                run.series, parameters));
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path page = Files.writeString(dir.resolve("synthetic-report.html"), html);
        Path png = dir.resolve("synthetic-report.png");
        Chromium.screenshot(page, png, 2000);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        String dom = Chromium.dom(page);
        assertThat(dom.split("class=\"uplot", -1)).as("five charts drawn").hasSize(5 + 1);
        assertThat(dom).as("the knee's marker is drawn").contains(">knee<");
        assertThat(Chromium.consoleProblems(page)).as("console errors or network requests").isEmpty();
    }

    /** The console check can fail: a page that throws, and one that asks the network for a script, are caught. */
    @Test
    void theConsoleCheckSeesErrorsAndNetworkRequests() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "no " + Chromium.BINARY);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path throwing = Files.writeString(dir.resolve("throws.html"), "<html><body><script>throw new Error('boom')</script></body></html>");
        assertThat(Chromium.consoleProblems(throwing)).isNotEmpty();
        Path fetching = Files.writeString(dir.resolve("fetches.html"),
                "<html><body><script src=\"http://cdn.example.invalid/x.js\"></script></body></html>");
        assertThat(Chromium.consoleProblems(fetching)).isNotEmpty();
    }
}
