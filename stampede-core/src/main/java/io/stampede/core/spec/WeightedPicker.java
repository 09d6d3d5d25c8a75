package io.stampede.core.spec;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;

/**
 * Picks items at random in proportion to their weights, with cumulative weights and a binary search:
 * O(log n), no allocation, and the weights stay numbers (Locust's list-repetition is what we avoid).
 * Immutable, so one picker serves every user.
 */
public final class WeightedPicker<T> {
    private final List<T> items;
    private final int[] cumulative;

    public WeightedPicker(List<T> items, ToIntFunction<T> weight) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        this.items = List.copyOf(items);
        this.cumulative = new int[items.size()];
        long sum = 0;
        for (int i = 0; i < items.size(); i++) {
            int w = weight.applyAsInt(items.get(i));
            if (w < 1) {
                throw new IllegalArgumentException("weight must be at least 1, was " + w);
            }
            sum += w;
            if (sum > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("weights add up to more than " + Integer.MAX_VALUE);
            }
            cumulative[i] = (int) sum;
        }
    }

    public T pick(RandomGenerator random) {
        if (cumulative.length == 1) {
            return items.get(0);
        }
        int ticket = random.nextInt(cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, ticket + 1);
        return items.get(i >= 0 ? i : -i - 1);
    }

    public List<T> items() {
        return items;
    }

    public int totalWeight() {
        return cumulative[cumulative.length - 1];
    }
}
