package io.stampede.core.stats;

/**
 * How an arrival-rate run kept its schedule.
 *
 * @param scheduled iterations the plan asked for
 * @param started iterations that a user started (late ones included)
 * @param dropped iterations dropped because every user was busy and the pool was at its maximum
 * @param users users in the pool at the end
 * @param maxUsers the pool's limit
 */
public record ArrivalStats(long scheduled, long started, long dropped, int users, int maxUsers) {
}
