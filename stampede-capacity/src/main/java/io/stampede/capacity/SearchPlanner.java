package io.stampede.capacity;

import java.util.List;

/**
 * The search's decisions, as a pure function of the steps measured so far: no driver, no clock,
 * so a sequence of made-up steps tests them in microseconds.
 *
 * <ol>
 *   <li><b>Explore</b>: from the start load, grow the load each step until a step breaks an SLO
 *       or throughput goes flat ({@link io.stampede.core.capacity.Knee}), or the maximum is good.</li>
 *   <li><b>Narrow</b>: bisect between the highest good load and the lowest bad one, at most
 *       {@link SearchSettings#narrowSteps()} times, or until they are next to each other.</li>
 * </ol>
 */
public final class SearchPlanner {
    /** A hard bound on any search's length, whatever its settings (a tiny factor, a huge max). */
    public static final int MAX_STEPS = 40;
    /** Rates closer than this fraction are not worth telling apart in a few seconds' measurement. */
    static final double RATE_RESOLUTION = 0.05;

    private final SearchSettings settings;

    public SearchPlanner(SearchSettings settings) {
        this.settings = settings;
    }

    /** What to do after {@code measured} (the steps in the order they ran). */
    public Decision next(List<StepResult> measured) {
        Decision d = decide(measured);
        if (d instanceof Decision.Measure && measured.size() >= maxSteps()) {
            return new Decision.Finish("the search ran its most steps (" + maxSteps() + ")");
        }
        return d;
    }

    private Decision decide(List<StepResult> measured) {
        LoadModel model = settings.model();
        if (measured.isEmpty()) {
            return new Decision.Measure(model.round(settings.start()), StepKind.EXPLORE);
        }
        Verdict v = Verdict.of(measured);
        StepResult bad = v.firstBad();
        if (bad == null) {
            double last = measured.get(measured.size() - 1).load();
            Double next = grow(last);
            return next == null
                    ? new Decision.Finish("every step was good up to the maximum load, " + model.format(last))
                    : new Decision.Measure(next, StepKind.EXPLORE);
        }
        StepResult good = v.lastGood();
        if (good == null) {
            return new Decision.Finish("the first step, " + model.format(bad.load()) + ", was already "
                    + v.of(bad).label() + ": start lower");
        }
        long narrowed = measured.stream().filter(s -> s.kind() == StepKind.NARROW).count();
        String between = model.format(good.load()) + " (good) and " + model.format(bad.load()) + " ("
                + v.of(bad).label() + ")";
        if (narrowed >= settings.narrowSteps()) {
            return new Decision.Finish("narrowed " + narrowed + " times: the limit is between " + between);
        }
        Double mid = between(good.load(), bad.load());
        return mid == null ? new Decision.Finish("the limit is between " + between)
                : new Decision.Measure(mid, StepKind.NARROW);
    }

    /** The longest this search can be: every exploration step up to the maximum, then the narrowing. */
    public int maxSteps() {
        int n = 1;
        for (Double load = settings.model().round(settings.start()); n < MAX_STEPS; n++) {
            load = grow(load);
            if (load == null) {
                break;
            }
        }
        return Math.min(MAX_STEPS, n + settings.narrowSteps());
    }

    /** The exploration's next load, or null when {@code load} was the maximum. */
    private Double grow(double load) {
        LoadModel model = settings.model();
        double max = model.round(settings.max());
        if (max > settings.max()) {
            max -= model.smallestStep(); // never above the maximum asked for
        }
        if (load >= max) {
            return null;
        }
        double next = model.round(settings.growth().next(load));
        if (next <= load) {
            next = load + model.smallestStep(); // a small factor on a small load must still move
        }
        return Math.min(next, max);
    }

    /** A load halfway between, or null when the two are as close as the model tells loads apart. */
    private Double between(double good, double bad) {
        LoadModel model = settings.model();
        double mid = model.round((good + bad) / 2);
        if (model instanceof LoadModel.Open && bad - good <= good * RATE_RESOLUTION) {
            return null;
        }
        if (model instanceof LoadModel.Closed) {
            mid = Math.floor((good + bad) / 2);
        }
        return mid > good && mid < bad ? mid : null;
    }
}
