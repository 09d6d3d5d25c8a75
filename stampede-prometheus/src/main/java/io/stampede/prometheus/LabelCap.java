package io.stampede.prometheus;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a label's values to a bounded set: Prometheus stores every distinct label set as its own
 * series, and a script that names requests after ids would otherwise create one per request. The
 * first {@code max} values are admitted for the life of the process; later new ones are folded into
 * an overflow value. Admission is permanent, so a value maps to the same series on every interval.
 * Not thread-safe: its owner's lock guards it.
 */
final class LabelCap<K> {
    private final int max;
    private final Set<K> admitted = new HashSet<>();

    LabelCap(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a label cap must admit at least one value, was " + max);
        }
        this.max = max;
    }

    /** {@code value} when it is (or can still be) admitted, else {@code overflow}. */
    K admit(K value, K overflow) {
        if (admitted.contains(value)) {
            return value;
        }
        if (admitted.size() < max) {
            admitted.add(value);
            return value;
        }
        return overflow;
    }
}
