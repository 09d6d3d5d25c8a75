package io.stampede.capacity;

/** Why a step was run: to find the order of the limit, or to narrow in on it. */
public enum StepKind {
    /** Raising the load until a step is bad. */
    EXPLORE,
    /** Halving the interval between the last good load and the first bad one. */
    NARROW;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
