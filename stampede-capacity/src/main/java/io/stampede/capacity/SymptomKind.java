package io.stampede.capacity;

/** What gave way first as the load grew. */
public enum SymptomKind {
    /** Throughput went flat while the response time grew: requests wait in a queue (a pool, a lock). */
    QUEUEING("queueing latency"),
    /** Requests failed: the server refused or broke (a 503 from a pool that timed out, a 500). */
    ERRORS("errors"),
    /** Requests timed out: the server was still queueing when the client gave up. */
    TIMEOUTS("timeouts"),
    /** A latency SLO broke while throughput still grew: slow, but not yet saturated. */
    LATENCY("latency");

    private final String label;

    SymptomKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
