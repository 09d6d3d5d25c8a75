package io.stampede.core.capacity;

/**
 * What was measured at one level of load: a step of a step load, or of a capacity search.
 *
 * @param load users (closed model) or iterations started per second (open model)
 * @param rps requests completed per second at that load
 * @param avgMillis the average response time
 * @param p95Millis the 95th percentile of the response time
 */
public record LoadLevel(double load, double rps, double avgMillis, double p95Millis) {
}
