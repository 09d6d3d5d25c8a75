package io.stampede.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups a recording's requests into steps: a new HAR page starts a step, and so does a pause longer
 * than the gap (a single-page application records one page for the whole visit, so the pauses
 * between a person's clicks are what separates its steps).
 */
final class Steps {
    private Steps() {
    }

    static List<Step> of(List<Exchange> kept, Map<String, String> pageTitles, long gapMillis) {
        List<Step> steps = new ArrayList<>();
        List<Exchange> current = new ArrayList<>();
        long lastEnd = 0;
        long think = 0;
        for (Exchange x : kept) {
            boolean newPage = !current.isEmpty() && !Objects.equals(x.pageRef(), current.getFirst().pageRef());
            boolean pause = !current.isEmpty() && x.startMillis() - lastEnd > gapMillis;
            if (newPage || pause) {
                steps.add(new Step(current, think, title(pageTitles, current)));
                think = Math.max(0, x.startMillis() - lastEnd);
                current = new ArrayList<>();
            }
            current.add(x);
            lastEnd = Math.max(lastEnd, x.endMillis());
        }
        if (!current.isEmpty()) {
            steps.add(new Step(current, think, title(pageTitles, current)));
        }
        return steps;
    }

    private static String title(Map<String, String> pageTitles, List<Exchange> step) {
        String ref = step.getFirst().pageRef();
        return ref == null ? null : pageTitles.get(ref);
    }
}
