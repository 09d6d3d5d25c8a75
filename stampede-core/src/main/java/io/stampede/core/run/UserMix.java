package io.stampede.core.run;

import io.stampede.core.spec.UserSpec;
import java.util.List;

/**
 * Which user class to start or stop next so the mix follows the classes' weights at every count,
 * not only on average: the class furthest below (or above) its share goes next. For weights 5:1
 * this gives AAABAAAAABAA..., like Locust's dispatcher, and it is deterministic.
 */
final class UserMix {
    private final List<UserSpec> specs;
    private final long totalWeight;

    UserMix(List<UserSpec> specs) {
        this.specs = List.copyOf(specs);
        this.totalWeight = specs.stream().mapToLong(UserSpec::weight).sum();
    }

    List<UserSpec> specs() {
        return specs;
    }

    /** The index of the class to start when {@code counts} are running. */
    int nextToStart(int[] counts) {
        long n = sum(counts) + 1;
        int best = 0;
        double bestDeficit = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < specs.size(); i++) {
            double deficit = (double) specs.get(i).weight() * n / totalWeight - counts[i];
            if (deficit > bestDeficit + 1e-9) {
                best = i;
                bestDeficit = deficit;
            }
        }
        return best;
    }

    /** The index of the class to stop when {@code counts} are running (at least one must be). */
    int nextToStop(int[] counts) {
        long n = sum(counts) - 1;
        int best = -1;
        double bestSurplus = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < specs.size(); i++) {
            if (counts[i] == 0) {
                continue;
            }
            double surplus = counts[i] - (double) specs.get(i).weight() * n / totalWeight;
            if (surplus > bestSurplus + 1e-9) {
                best = i;
                bestSurplus = surplus;
            }
        }
        return best;
    }

    private static long sum(int[] counts) {
        long s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }
}
