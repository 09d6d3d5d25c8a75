package io.stampede.capacity;

import io.stampede.core.capacity.Knee;
import io.stampede.core.output.RunResult;
import io.stampede.core.threshold.Threshold;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a capacity search, as plain data (records, strings, numbers: ready for JSON or an
 * HTML template); {@link #render()} prints it for the console. Loads are users or iterations per
 * second, as {@link #unit} says; a load that was not found is null.
 *
 * @param description the search's settings in one line
 * @param model "closed" or "open"
 * @param unit "users" or "iterations/s"
 * @param stepSeconds each step's length, warm-up included
 * @param warmupFraction the unmeasured start of each step
 * @param slos the SLOs, as given
 * @param steps every step, in the order run, with its final verdict
 * @param highestGood the highest load that met every SLO with throughput still growing: the capacity
 * @param highestSloMet the highest load that met every SLO (below the lowest that broke one), past
 *                      the knee or not
 * @param lowestBad the lowest load that broke an SLO or was past the knee
 * @param plateau the most throughput seen, and where
 * @param knee the exploration steps between which throughput went flat, or null
 * @param symptom the first sign of the limit, or null when none showed
 * @param stopReason why the search ended
 * @param runRequests every request of the run, warm-ups included (what the server should have seen)
 * @param runFailures of which failed
 */
public record CapacityReport(String description, String model, String unit, double stepSeconds,
                             double warmupFraction, List<String> slos, List<JudgedStep> steps, Double highestGood,
                             Double highestSloMet, Double lowestBad, Plateau plateau, Knee knee, Symptom symptom,
                             String stopReason, long runRequests, long runFailures) {
    public CapacityReport {
        slos = List.copyOf(slos);
        steps = List.copyOf(steps);
    }

    /** Judges {@code steps} and sums up; {@code run} is null when the run could not finish. */
    static CapacityReport of(SearchSettings settings, List<StepResult> steps, String stopReason, RunResult run) {
        Verdict v = Verdict.of(steps);
        List<JudgedStep> judged = new ArrayList<>();
        for (StepResult s : steps) {
            judged.add(new JudgedStep(judged.size() + 1, s, v.of(s)));
        }
        Plateau plateau = null;
        for (StepResult s : steps) {
            if (plateau == null || s.rps() > plateau.maxRps()) {
                plateau = new Plateau(s.rps(), s.load());
            }
        }
        LoadModel m = settings.model();
        return new CapacityReport(settings.description(), m instanceof LoadModel.Open ? "open" : "closed", m.unit(),
                settings.stepTime().toMillis() / 1000.0, settings.warmup(),
                settings.slos().stream().map(Threshold::expression).toList(), judged,
                v.lastGood() == null ? null : v.lastGood().load(), highestSloMet(steps),
                v.firstBad() == null ? null : v.firstBad().load(), plateau, v.knee(), Symptoms.first(v, m), stopReason,
                run == null ? 0 : run.stats().total().count(), run == null ? 0 : run.stats().total().failures());
    }

    private static Double highestSloMet(List<StepResult> steps) {
        double broke = steps.stream().filter(s -> !s.slosMet()).mapToDouble(StepResult::load).min()
                .orElse(Double.POSITIVE_INFINITY);
        return steps.stream().filter(s -> s.slosMet() && s.load() < broke).map(StepResult::load)
                .max(Double::compare).orElse(null);
    }

    /** The table and the findings, for the console. */
    public String render() {
        return CapacityText.render(this);
    }
}
