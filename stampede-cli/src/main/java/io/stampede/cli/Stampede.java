package io.stampede.cli;

import io.stampede.core.output.Output;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.CheckStats;
import io.stampede.core.threshold.ThresholdResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code stampede} command as a call, for the JUnit extension and build plugins: the same flags,
 * the same wiring and the same exit codes as the command line, plus the run's result. Nothing is
 * shared between calls, so several may run at once in one JVM (parallel tests).
 */
public final class Stampede {
    private Stampede() {
    }

    /**
     * Runs {@code stampede ARGS} in this JVM and returns its exit code and result. Add
     * {@code --headless}: without it the command serves the web UI and waits.
     */
    public static Outcome run(List<String> args, PrintStream out, PrintStream err) {
        AtomicReference<RunResult> last = new AtomicReference<>();
        Output capture = new Output() {
            @Override
            public String name() {
                return "result";
            }

            @Override
            public void finish(RunResult result) {
                last.set(result);
            }
        };
        Main main = new Main();
        int code = main.execute(args.toArray(String[]::new), new ProcessContext(out, err, System.getenv()), List.of(capture));
        return new Outcome(code, last.get(), main.errorLine());
    }

    /**
     * What a run came to.
     *
     * @param exitCode as the command would exit ({@link ExitCodes})
     * @param result the final statistics and thresholds, or null when the run never started (bad flags)
     * @param errorLine the one line a user error printed ("stampede: ..."), or null
     */
    public record Outcome(int exitCode, RunResult result, String errorLine) {
        /** Each failed threshold as "p95<500ms: was 612.0ms". */
        public List<String> failedThresholds() {
            if (result == null) {
                return List.of();
            }
            return result.thresholds().stream().filter(t -> !t.passed())
                    .map(t -> t.threshold().expression() + ": was " + t.actualText()).toList();
        }

        /** Each check that failed at least once, as the JUnit XML says it: "has a price: 3 of 200 failed (98.50% passed)". */
        public List<String> failedChecks() {
            if (result == null) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            for (CheckStats c : result.stats().checks()) {
                if (c.fails() > 0) {
                    lines.add(c.name() + ": " + c.fails() + " of " + c.total() + " failed ("
                            + String.format(Locale.ROOT, "%.2f%%", c.passRate() * 100) + " passed)");
                }
            }
            return lines;
        }

        /**
         * Why this run fails a test or a build, one line each; empty when it passes. A failed check
         * counts when {@code failOnChecks} (the JUnit XML lists it as a failed test case too).
         */
        public List<String> problems(boolean failOnChecks) {
            List<String> lines = new ArrayList<>();
            failedThresholds().forEach(t -> lines.add("threshold " + t));
            if (failOnChecks) {
                failedChecks().forEach(c -> lines.add("check " + c));
            }
            if (exitCode != ExitCodes.OK && exitCode != ExitCodes.THRESHOLD_FAILED) {
                if (errorLine != null) {
                    lines.add(errorLine);
                } else if (result != null && result.stats().total().failures() > 0) {
                    lines.add(result.stats().total().failures() + " of " + result.stats().total().count()
                            + " requests failed (exit code " + exitCode + ")");
                } else {
                    lines.add("stampede exited with code " + exitCode);
                }
            }
            return lines;
        }
    }
}
