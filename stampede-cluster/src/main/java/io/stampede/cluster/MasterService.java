package io.stampede.cluster;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.stampede.cluster.v1.ClusterGrpc;
import io.stampede.cluster.v1.MasterMessage;
import io.stampede.cluster.v1.WorkerMessage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The master's end of each worker's stream: the handshake (Hello first, within
 * {@link Heartbeats#HANDSHAKE}), then every message handed to the controller for the node it belongs to.
 */
final class MasterService extends ClusterGrpc.ClusterImplBase {
    private final MasterController master;
    private final ScheduledExecutorService timer;

    MasterService(MasterController master, ScheduledExecutorService timer) {
        this.master = master;
        this.timer = timer;
    }

    @Override
    public StreamObserver<WorkerMessage> connect(StreamObserver<MasterMessage> responses) {
        Connection c = new Connection(PeerAddress.current(), new Outbox<>(responses));
        timer.schedule(c::handshakeDue, Heartbeats.HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
        return c;
    }

    private final class Connection implements StreamObserver<WorkerMessage> {
        private final String address;
        private final Outbox<MasterMessage> out;
        private volatile WorkerNode node;
        private volatile boolean helloSeen;

        Connection(String address, Outbox<MasterMessage> out) {
            this.address = address;
            this.out = out;
        }

        void handshakeDue() {
            if (!helloSeen) {
                out.fail(Status.DEADLINE_EXCEEDED.withDescription("no Hello within " + Heartbeats.HANDSHAKE.toSeconds() + " s"));
            }
        }

        @Override
        public void onNext(WorkerMessage m) {
            WorkerNode n = node;
            if (n == null) {
                if (helloSeen) {
                    return; // refused: the rest of what it sent means nothing
                }
                helloSeen = true;
                if (m.getKindCase() != WorkerMessage.KindCase.HELLO) {
                    out.fail(Status.FAILED_PRECONDITION.withDescription("a worker's first message must be Hello"));
                    return;
                }
                node = master.admit(m.getHello(), address, out);
                return;
            }
            n.lastHeardNanos = System.nanoTime();
            switch (m.getKindCase()) {
                case HEARTBEAT -> master.onStatus(n, m.getHeartbeat().getStatus());
                case INTERVAL -> master.onInterval(n, m.getInterval());
                case ENDED -> master.onEnded(n, m.getEnded());
                case GOODBYE -> master.onGone(n, "left: " + m.getGoodbye().getReason());
                case HELLO, KIND_NOT_SET -> { } // a newer worker's message this master does not know
            }
        }

        @Override
        public void onError(Throwable t) {
            WorkerNode n = node;
            if (n != null) {
                Status s = Status.fromThrowable(t);
                master.onGone(n, "its connection broke (" + s.getCode()
                        + (s.getDescription() == null ? "" : ": " + s.getDescription()) + ")");
            }
        }

        @Override
        public void onCompleted() {
            WorkerNode n = node;
            if (n != null) {
                master.onGone(n, "it closed its connection");
            }
            out.complete();
        }
    }
}
