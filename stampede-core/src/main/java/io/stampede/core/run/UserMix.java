package io.stampede.core.run;

import io.stampede.core.spec.UserSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which user class to start or stop next so the mix follows the classes' weights at every count,
 * not only on average: the class furthest below (or above) its share goes next. For weights 5:1
 * this gives AAABAAAAABAA..., like Locust's dispatcher, and it is deterministic. When only some
 * classes are active (a load shape chose them), shares are among those, and users of the inactive
 * classes are the first to stop.
 */
final class UserMix {
    private final List<UserSpec> specs;

    UserMix(List<UserSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    List<UserSpec> specs() {
        return specs;
    }

    /** The classes named (all when null), as flags in {@link #specs()} order. */
    boolean[] select(Set<String> names) {
        boolean[] active = new boolean[specs.size()];
        List<String> unknown = names == null ? new ArrayList<>() : new ArrayList<>(names);
        for (int i = 0; i < specs.size(); i++) {
            active[i] = names == null || names.contains(specs.get(i).name());
            unknown.remove(specs.get(i).name());
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no user class " + String.join(", ", unknown) + " in this run (there are "
                    + String.join(", ", specs.stream().map(UserSpec::name).toList()) + ")");
        }
        return active;
    }

    /** The index of the active class to start when {@code counts} are running (at least one class is active). */
    int nextToStart(int[] counts, boolean[] active) {
        long n = sum(counts, active) + 1;
        long totalWeight = weight(active);
        int best = -1;
        double bestDeficit = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < specs.size(); i++) {
            if (!active[i]) {
                continue;
            }
            double deficit = (double) specs.get(i).weight() * n / totalWeight - counts[i];
            if (deficit > bestDeficit + 1e-9) {
                best = i;
                bestDeficit = deficit;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no active user class to start");
        }
        return best;
    }

    /** The index of the class to stop when {@code counts} are running (at least one must be). */
    int nextToStop(int[] counts, boolean[] active) {
        for (int i = 0; i < specs.size(); i++) {
            if (!active[i] && counts[i] > 0) {
                return i;
            }
        }
        long n = sum(counts, active) - 1;
        long totalWeight = weight(active);
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

    private long weight(boolean[] active) {
        long w = 0;
        for (int i = 0; i < specs.size(); i++) {
            if (active[i]) {
                w += specs.get(i).weight();
            }
        }
        return w;
    }

    private static long sum(int[] counts, boolean[] active) {
        long s = 0;
        for (int i = 0; i < counts.length; i++) {
            if (active[i]) {
                s += counts[i];
            }
        }
        return s;
    }
}
