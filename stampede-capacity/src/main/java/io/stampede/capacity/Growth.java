package io.stampede.capacity;

/**
 * How the exploration raises the load from one step to the next. Doubling finds the order of
 * magnitude in few steps, then narrowing recovers the precision; a fixed step gives an even
 * table, like a step load's, at the cost of more steps.
 */
public sealed interface Growth {
    /** Multiply the load by {@code factor} (more than 1) each step. */
    record Factor(double factor) implements Growth {
        public Factor {
            if (!(factor > 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("the growth factor must be more than 1, was " + factor);
            }
        }

        @Override
        public double next(double load) {
            return load * factor;
        }
    }

    /** Add {@code step} (more than 0) each step. */
    record Step(double step) implements Growth {
        public Step {
            if (!(step > 0) || Double.isInfinite(step)) {
                throw new IllegalArgumentException("the load step must be more than 0, was " + step);
            }
        }

        @Override
        public double next(double load) {
            return load + step;
        }
    }

    /** The default: double the load each step. */
    Growth DOUBLE = new Factor(2);

    /** The load after {@code load}, before the model rounds it. */
    double next(double load);
}
