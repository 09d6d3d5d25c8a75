package io.stampede.core.plan;

import java.time.Duration;

/**
 * A load plan as data: the closed model's {@link LoadPlan} (constant users, stages, a step load, or
 * a scenario's shape) or the open model's {@link ArrivalPlan}. The run driver turns either into
 * targets over time.
 */
public sealed interface Plan permits LoadPlan, ArrivalPlan {
    /** When the run ends; null runs until stopped (or until a shape ends it). */
    Duration duration();

    /** One line for the console ("10 users at 2/s for 30s"). */
    String description();
}
