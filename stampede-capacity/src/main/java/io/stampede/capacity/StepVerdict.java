package io.stampede.capacity;

/** How the search judged a step, in the light of every step measured. */
public enum StepVerdict {
    /** Every SLO met and throughput still growing. */
    GOOD("good"),
    /** At least one SLO broken. */
    SLO_BROKEN("SLO broken"),
    /** On the throughput plateau: a higher load did not buy {@link io.stampede.core.capacity.Knee#FLAT} more. */
    PAST_KNEE("past knee");

    private final String label;

    StepVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
