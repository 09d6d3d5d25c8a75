package io.stampede.capacity;

/**
 * The most throughput the search saw.
 *
 * @param maxRps requests per second at its best step
 * @param load the load of that step
 */
public record Plateau(double maxRps, double load) {
}
