package io.stampede.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.stampede.HttpUser;
import io.stampede.Task;
import io.stampede.WaitTime;
import io.stampede.testkit.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page in headless Chromium over a real run: start from the form, see the statistics and the
 * charts move, raise the users from the edit form and see the server's request rate rise, reload
 * mid-run and keep the chart's points, stop, download the stats CSV, whose Aggregated count is the
 * server's. A screenshot of each step goes to target/screenshots. Skipped (with the reason) where
 * Chromium or its driver is not installed.
 */
@Timeout(180)
class BrowserEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** A name a scenario could give a request; the page must show it as text, never run it. */
    static final String HOSTILE_NAME = "<img src=x onerror=\"window.injected=1\">";

    /** About 20 requests a second each; one in four under a name full of markup. */
    public static class Visitor extends HttpUser {
        @Override
        protected WaitTime waitTime() {
            return WaitTime.constant(0.05);
        }

        @Task(3)
        void fast() {
            client.get("/fast");
        }

        @Task(1)
        void named() {
            client.request("GET", "/fast").name(HOSTILE_NAME).send();
        }
    }

    @TempDir
    Path dir;

    @Test
    void startWatchChangeReloadStopDownload() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.missing() == null, HeadlessChromium.missing());
        try (TargetServer target = TargetServer.start(); LiveRun run = LiveRun.against(target.url(), Visitor.class);
             HeadlessChromium chrome = new HeadlessChromium(dir)) {
            var page = chrome.driver;
            page.get(run.server.url().toString());
            chrome.waitFor(WAIT, d -> text(d.findElement(By.id("state"))).equals("ready"));
            assertThat(page.findElement(By.cssSelector("#start-form [name=host]")).getAttribute("value")).isEqualTo(target.url());
            chrome.screenshot("01-ready");

            WebElement start = page.findElement(By.id("start-form"));
            type(start.findElement(By.name("user_count")), "2");
            type(start.findElement(By.name("spawn_rate")), "20");
            start.findElement(By.cssSelector("button[type=submit]")).click();
            chrome.waitFor(WAIT, d -> text(d.findElement(By.id("state"))).equals("running"));
            chrome.waitFor(WAIT, d -> count(d.findElement(By.cssSelector("#stats-table tr[data-name='/fast']"))) > 10);
            // the hostile name is shown as the text it is, and ran nothing
            List<String> names = page.findElements(By.cssSelector("#stats-table tbody tr")).stream()
                    .map(r -> r.getAttribute("data-name")).toList();
            assertThat(names).containsExactly("/fast", HOSTILE_NAME, "Aggregated");
            assertThat(page.executeScript("return window.injected === undefined")).isEqualTo(true);
            page.findElement(By.cssSelector("#stats-table th[data-column='2']")).click();
            chrome.waitFor(WAIT, d -> "desc".equals(d.findElement(By.cssSelector("#stats-table th[data-column='2']"))
                    .getAttribute("data-sort")));
            chrome.screenshot("02-statistics");

            page.findElement(By.cssSelector(".tabs [data-tab=charts]")).click();
            int shown = chrome.waitFor(WAIT, d -> points(d) >= 3 ? points(d) : null);
            chrome.waitFor(WAIT, d -> points(d) > shown);
            chrome.screenshot("03-charts");

            double before = rate(target);
            WebElement edit = page.findElement(By.id("edit-form"));
            chrome.waitFor(WAIT, d -> edit.isDisplayed());
            type(edit.findElement(By.name("user_count")), "8");
            type(edit.findElement(By.name("spawn_rate")), "50");
            edit.findElement(By.cssSelector("button[type=submit]")).click();
            chrome.waitFor(WAIT, d -> text(d.findElement(By.id("user-count"))).equals("8"));
            double after = rate(target);
            assertThat(after).as("requests/s at 2 users: %.1f, at 8: %.1f", before, after).isGreaterThan(before * 2);
            chrome.waitFor(WAIT, d -> points(d) > shown + 4);
            Path running = chrome.screenshot("04-running");
            assertThat(Files.size(running)).isPositive();

            int beforeReload = points(page);
            page.navigate().refresh();
            page.findElement(By.cssSelector(".tabs [data-tab=charts]")).click();
            chrome.waitFor(WAIT, d -> points(d) >= beforeReload);
            chrome.screenshot("05-after-reload");

            page.findElement(By.id("stop")).click();
            chrome.waitFor(WAIT, d -> text(d.findElement(By.id("state"))).equals("stopped"));
            chrome.waitFor(WAIT, d -> d.findElement(By.id("start-form")).isDisplayed());
            assertThat(text(page.findElement(By.id("start-title")))).isEqualTo("Start a new run");
            page.findElement(By.cssSelector(".tabs [data-tab=statistics]")).click();
            chrome.screenshot("06-stopped");

            page.findElement(By.cssSelector(".tabs [data-tab=downloads]")).click();
            page.findElement(By.id("download-stats")).click();
            Path csv = chrome.waitFor(WAIT, d -> downloaded(chrome.downloads));
            List<String> lines = Files.readAllLines(csv);
            String aggregated = lines.get(lines.size() - 1);
            assertThat(aggregated).startsWith(",Aggregated,");
            assertThat(Long.parseLong(aggregated.split(",")[2])).isEqualTo(target.requestCount());
        }
    }

    private static String text(WebElement e) {
        return e.getText().strip();
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private static long count(WebElement row) {
        return Long.parseLong(row.findElements(By.tagName("td")).get(2).getText().replace(",", ""));
    }

    private static int points(org.openqa.selenium.WebDriver d) {
        return Integer.parseInt(d.findElement(By.id("charts")).getAttribute("data-points"));
    }

    /** Requests per second the server received over the next two seconds. */
    private static double rate(TargetServer target) throws InterruptedException {
        long n0 = target.requestCount();
        long t0 = System.nanoTime();
        Thread.sleep(2000);
        return (target.requestCount() - n0) / ((System.nanoTime() - t0) / 1e9);
    }

    /** The finished download (Chrome writes a .crdownload file first), or null. */
    private static Path downloaded(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
