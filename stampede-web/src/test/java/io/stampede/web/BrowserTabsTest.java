package io.stampede.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.core.stats.ArrivalStats;
import io.stampede.core.threshold.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The tabs beside the statistics, in headless Chromium, over a finished synthetic arrival-rate run
 * with failures, an exception whose message is markup, checks and thresholds: each shows what it
 * should, as text. Skipped where Chromium or its driver is not installed.
 */
@Timeout(120)
class BrowserTabsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HOSTILE_MESSAGE = "<script>window.injected=2</script> boom";

    @TempDir
    Path dir;

    @Test
    void failuresExceptionsChecksThresholdsAndArrival() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.missing() == null, HeadlessChromium.missing());
        WebOutput output = new WebOutput();
        SyntheticRun run = new SyntheticRun(output);
        for (int s = 1; s <= 5; s++) {
            run.exception(new IllegalStateException(HOSTILE_MESSAGE));
            run.check("status is 200", s != 3);
            run.second(100, 4);
            output.onArrival(new ArrivalStats(110L * s, 100L * s, 10L * s, 4, 4), run.latest());
        }
        run.finish(List.of(Threshold.parse("p95<1s"), Threshold.parse("fail_ratio<0.001")),
                new ArrivalStats(550, 500, 50, 4, 4));
        try (WebServer server = WebServer.start("127.0.0.1", 0, null, new WebServerTest.FixedControl(), output, null);
             HeadlessChromium chrome = new HeadlessChromium(dir)) {
            var page = chrome.driver;
            page.get(server.url().toString());
            chrome.waitFor(WAIT, d -> !d.findElements(By.cssSelector("#stats-table tr[data-name='/item']")).isEmpty());

            tab(chrome, "failures");
            WebElement group = chrome.waitFor(WAIT, d -> d.findElement(By.cssSelector(".failure-group")));
            assertThat(group.findElement(By.cssSelector(".error-text")).getText()).isEqualTo("HTTP 503");
            // one request in fifty failed: 500 requests, 10 failures
            assertThat(group.findElement(By.cssSelector("h3 .count")).getText()).isEqualTo("10×");
            chrome.screenshot("11-failures");

            tab(chrome, "exceptions");
            WebElement exception = chrome.waitFor(WAIT, d -> d.findElement(By.cssSelector("details.exception")));
            assertThat(exception.findElement(By.tagName("summary")).getText()).contains("IllegalStateException: " + HOSTILE_MESSAGE);
            assertThat(exception.findElement(By.tagName("pre")).getText()).contains("at io.stampede.web.BrowserTabsTest");
            assertThat(page.executeScript("return window.injected === undefined")).isEqualTo(true);
            chrome.screenshot("12-exceptions");

            tab(chrome, "checks");
            List<String> verdicts = page.findElements(By.cssSelector("#checks .pass, #checks .fail")).stream()
                    .map(WebElement::getText).toList();
            // p95<1s passes, fail_ratio<0.001 fails, the check failed once
            assertThat(verdicts).containsExactly("PASS", "FAIL", "FAIL");
            assertThat(page.findElement(By.id("checks")).getText()).contains("status is 200").contains("80.00%");
            chrome.screenshot("13-checks");

            WebElement arrivalTab = page.findElement(By.id("arrival-tab"));
            assertThat(arrivalTab.isDisplayed()).isTrue();
            tab(chrome, "arrival");
            assertThat(page.findElement(By.id("arrival-dropped")).getText()).isEqualTo("50");
            assertThat(page.findElement(By.id("arrival-intended")).getText()).isEqualTo("110.00/s");
            assertThat(page.findElement(By.id("arrival")).getText()).contains("p99 uncorrected");
            chrome.screenshot("14-arrival");
        }
    }

    private static void tab(HeadlessChromium chrome, String name) {
        chrome.driver.findElement(By.cssSelector(".tabs [data-tab=" + name + "]")).click();
        chrome.waitFor(WAIT, d -> d.findElement(By.id("tab-" + name)).isDisplayed());
    }
}
