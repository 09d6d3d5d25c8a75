package io.stampede.prometheus;

/**
 * The metrics Stampede exposes, their help texts and the caps on their labels; docs/prometheus.md
 * describes each. Names follow Prometheus conventions: a {@code stampede_} prefix, base units
 * (seconds), {@code _total} on counters.
 */
final class MetricNames {
    static final String REQUESTS = "stampede_requests_total";
    static final String FAILURES = "stampede_request_failures_total";
    static final String RESPONSE_TIME = "stampede_response_time_seconds";
    static final String USERS = "stampede_users";
    static final String TARGET_USERS = "stampede_target_users";
    static final String RUN_STATE = "stampede_run_state";
    static final String ITERATIONS_SCHEDULED = "stampede_iterations_scheduled_total";
    static final String ITERATIONS_DROPPED = "stampede_iterations_dropped_total";
    static final String CHECKS = "stampede_checks_total";
    static final String EXCEPTIONS = "stampede_exceptions_total";

    /** Distinct (method, name) pairs; later ones are counted under name="(other)". */
    static final int MAX_REQUEST_SERIES = 1_000;
    /** Distinct (method, name, error) triples; later ones are counted under error="(other)". */
    static final int MAX_FAILURE_SERIES = 1_000;
    /** Distinct check names; later ones are counted under check="(other)". */
    static final int MAX_CHECKS = 1_000;
    /** Longer error texts are cut here (they are messages, and a label is an index key). */
    static final int MAX_ERROR_LENGTH = 200;
    static final String OTHER = "(other)";

    private MetricNames() {
    }
}
