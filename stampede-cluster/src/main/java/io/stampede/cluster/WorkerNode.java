package io.stampede.cluster;

import io.stampede.cluster.v1.MasterMessage;
import io.stampede.cluster.v1.WorkerStatus;
import io.stampede.core.run.LoadTarget;

/**
 * The master's view of one admitted worker. The fields are guarded by the master's lock, except
 * {@link #lastHeardNanos}, which every message updates from gRPC's threads.
 */
final class WorkerNode {
    final String name;
    final String address;
    final int capacity;
    final Outbox<MasterMessage> out;
    volatile long lastHeardNanos;
    /** The share last sent, and its Apply's id: the worker is settled when it reports that id settled. */
    LoadTarget share;
    long applyId;
    WorkerStatus status = WorkerStatus.getDefaultInstance();
    /** Its Ended came after the last Stop. */
    boolean ended;
    boolean gone;
    /**
     * It has built the scenario: a worker's first heartbeat comes after that (a large --classpath can
     * take seconds), and a run should not start before its workers can run users.
     */
    boolean ready;

    WorkerNode(String name, String address, int capacity, Outbox<MasterMessage> out, long nowNanos) {
        this.name = name;
        this.address = address;
        this.capacity = capacity;
        this.out = out;
        this.lastHeardNanos = nowNanos;
    }

    /** "w2 (10.0.0.2:41234)": how notices name it. */
    String label() {
        return name + " (" + address + ")";
    }
}
