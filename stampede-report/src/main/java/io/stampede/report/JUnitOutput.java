package io.stampede.report;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.CheckStats;
import io.stampede.core.threshold.ThresholdResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code --junit FILE}: thresholds (and checks) as JUnit XML test cases, so CI systems list them
 * beside the unit tests: a failed threshold is a failed test case whose message gives the measured
 * value.
 */
public final class JUnitOutput implements Output {
    private final Path file;

    public JUnitOutput(Path file) {
        this.file = file;
    }

    @Override
    public void finish(RunResult result) throws IOException {
        List<ThresholdResult> thresholds = result.thresholds();
        List<CheckStats> checks = result.stats().checks();
        long thresholdFailures = thresholds.stream().filter(t -> !t.passed()).count();
        long checkFailures = checks.stream().filter(c -> c.fails() > 0).count();
        double seconds = result.stats().durationSeconds();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT, "<testsuites name=\"stampede\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                thresholds.size() + checks.size(), thresholdFailures + checkFailures, seconds));
        x.append(String.format(Locale.ROOT, "  <testsuite name=\"thresholds\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.3f\">%n",
                thresholds.size(), thresholdFailures, seconds));
        for (ThresholdResult t : thresholds) {
            x.append("    <testcase classname=\"stampede.thresholds\" name=\"").append(escape(t.threshold().expression())).append("\"");
            if (t.passed()) {
                x.append("/>\n");
            } else {
                x.append(">\n      <failure message=\"").append(escape("was " + t.actualText()))
                        .append("\" type=\"threshold\">").append(escape(t.threshold().expression() + " failed: was " + t.actualText()))
                        .append("</failure>\n    </testcase>\n");
            }
        }
        x.append("  </testsuite>\n");
        x.append(String.format(Locale.ROOT, "  <testsuite name=\"checks\" tests=\"%d\" failures=\"%d\" errors=\"0\">%n",
                checks.size(), checkFailures));
        for (CheckStats c : checks) {
            x.append("    <testcase classname=\"stampede.checks\" name=\"").append(escape(c.name())).append("\"");
            if (c.fails() == 0) {
                x.append("/>\n");
            } else {
                String msg = c.fails() + " of " + c.total() + " failed (" + Fmt.pct(c.passRate()) + " passed)";
                x.append(">\n      <failure message=\"").append(escape(msg)).append("\" type=\"check\"/>\n    </testcase>\n");
            }
        }
        x.append("  </testsuite>\n</testsuites>\n");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, x, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
