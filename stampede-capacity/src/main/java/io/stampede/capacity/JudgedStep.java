package io.stampede.capacity;

/**
 * A row of the capacity table: a step as measured, and as judged once the search was over (a step
 * that looked good can turn out to be on the plateau when a higher one bought nothing more).
 *
 * @param number 1, 2, 3... in the order the steps ran
 */
public record JudgedStep(int number, StepResult step, StepVerdict verdict) {
}
