package io.stampede.html;

import io.stampede.core.output.RunInfo;
import io.stampede.core.output.RunResult;
import io.stampede.core.stats.StatsInterval;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report shows: the run as it was (info, result) and its per-interval series (may be empty:
 * a report from a JSON summary has no series).
 *
 * <p>{@code series} is kept as given, not copied: {@link HtmlOutput} hands a view that decodes each
 * interval when it is read, because a long run's intervals held as values would cost 16-120 kB of
 * histogram counts each. It is read once, in order, by {@link HtmlReport#render}.
 *
 * @param parameters what else describes the run, in display order: scenario, version, machine...
 */
public record ReportData(RunInfo info, RunResult result, List<StatsInterval> series, Map<String, String> parameters) {
    public ReportData {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(series, "series");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
