package io.stampede.capacity;

/** What the planner says to do next. */
public sealed interface Decision {
    /** Run a step at {@code load}. */
    record Measure(double load, StepKind kind) implements Decision {
    }

    /** The search is over, for {@code reason}. */
    record Finish(String reason) implements Decision {
    }
}
