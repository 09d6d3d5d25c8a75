package io.stampede.cluster;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * One side's sending end of the stream. gRPC's observers must not be called from two threads at
 * once, and heartbeats, intervals and orders come from several: every send goes through here. After
 * the stream is closed (or a send failed) sends are dropped and say so.
 */
final class Outbox<T> {
    private final StreamObserver<T> stream;
    private boolean closed;

    Outbox(StreamObserver<T> stream) {
        this.stream = stream;
    }

    /** False when the message could not go: the stream is closed. */
    synchronized boolean send(T message) {
        if (closed) {
            return false;
        }
        try {
            stream.onNext(message);
            return true;
        } catch (RuntimeException e) {
            // the call was cancelled under us: the receiving side learns it from its own observer
            closed = true;
            return false;
        }
    }

    /** Ends the stream cleanly: the peer sees it completed. */
    synchronized void complete() {
        if (!closed) {
            closed = true;
            try {
                stream.onCompleted();
            } catch (RuntimeException e) {
                // already cancelled: nothing left to end
            }
        }
    }

    /** Ends the stream with an error the peer sees as {@code status}. */
    synchronized void fail(Status status) {
        if (!closed) {
            closed = true;
            try {
                stream.onError(status.asRuntimeException());
            } catch (RuntimeException e) {
                // already cancelled
            }
        }
    }
}
