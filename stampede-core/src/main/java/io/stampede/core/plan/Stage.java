package io.stampede.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One stage of a ramp (k6's stages): move linearly to {@code target} over {@code duration}.
 * {@code --stages 2m:1000,5m:1000,2m:0} is up to 1000 users in 2 minutes, hold 5, down in 2.
 */
public record Stage(Duration duration, double target) {
    public Stage {
        if (duration.isNegative() || target < 0) {
            throw new IllegalArgumentException("a stage needs a duration and a target of 0 or more");
        }
    }

    /** Parses "2m:1000,5m:1000,2m:0"; a target may end in "/s" for arrival-rate stages. */
    public static List<Stage> parseList(String text) {
        List<Stage> stages = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int colon = p.lastIndexOf(':');
            if (colon <= 0 || colon == p.length() - 1) {
                throw new IllegalArgumentException("'" + p + "' is not a stage (examples: 2m:1000, 30s:50/s)");
            }
            String target = p.substring(colon + 1).trim();
            if (target.endsWith("/s")) {
                target = target.substring(0, target.length() - 2);
            }
            try {
                stages.add(new Stage(Durations.parse(p.substring(0, colon)), Double.parseDouble(target)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "': the target after ':' must be a number");
            }
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("no stages in '" + text + "'");
        }
        return stages;
    }
}
