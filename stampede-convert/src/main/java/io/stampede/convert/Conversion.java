package io.stampede.convert;

import java.util.Map;

/**
 * A written scenario and what went into it, for the line the command prints.
 *
 * @param host the recorded host written as the scenario's default
 * @param leftOutHosts requests left out per other origin
 * @param secrets how many secrets were replaced by variables
 */
public record Conversion(String source, String host, int requests, int steps, int leftOutStatic,
                         Map<String, Integer> leftOutHosts, int secrets) {
    public Conversion {
        leftOutHosts = Map.copyOf(leftOutHosts);
    }
}
