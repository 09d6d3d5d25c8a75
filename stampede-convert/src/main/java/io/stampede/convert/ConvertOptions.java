package io.stampede.convert;

import java.util.Set;

/**
 * What {@code stampede convert} keeps and how it writes the scenario.
 *
 * @param className the user class to write (the output file's name without ".java")
 * @param includeStatic keep images, style sheets, scripts, fonts and the favicon
 * @param includeHosts hosts kept besides the recorded one (origins, host:port or host names)
 * @param allHosts keep requests to every host
 * @param host the recorded host to write as the default, or null to take the one most requests went to
 * @param stepGapMillis a pause longer than this within a page starts a new step
 */
public record ConvertOptions(String className, boolean includeStatic, Set<String> includeHosts, boolean allHosts,
                             String host, long stepGapMillis) {
    public static final long DEFAULT_STEP_GAP_MILLIS = 1000;

    public ConvertOptions {
        includeHosts = Set.copyOf(includeHosts);
    }

    public static ConvertOptions defaults(String className) {
        return new ConvertOptions(className, false, Set.of(), false, null, DEFAULT_STEP_GAP_MILLIS);
    }
}
