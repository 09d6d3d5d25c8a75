package io.stampede.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The browsers connected to the live stream; publishing hands a frame to each without waiting for any. */
final class LiveStream {
    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();

    /** A new client whose first frame is {@code first}. */
    LiveClient connect(Frame first) {
        LiveClient c = new LiveClient();
        c.offer(first);
        clients.add(c);
        return c;
    }

    void disconnect(LiveClient c) {
        clients.remove(c);
        c.drop();
    }

    boolean isEmpty() {
        return clients.isEmpty();
    }

    int size() {
        return clients.size();
    }

    /** Clients dropped so far for not keeping up. */
    long droppedCount() {
        return dropped.get();
    }

    void publish(Frame f) {
        for (LiveClient c : clients) {
            if (!c.offer(f)) {
                clients.remove(c);
                dropped.incrementAndGet();
            }
        }
    }

    /** Ends every connection (the server is closing). */
    void closeAll() {
        for (LiveClient c : clients) {
            c.drop();
        }
        clients.clear();
    }
}
