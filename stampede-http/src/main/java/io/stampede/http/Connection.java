package io.stampede.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One keep-alive HTTP/1.1 connection over a blocking socket, meant for a virtual thread: the thread
 * parks in the kernel read, not a selector. It owns the socket and the keep-alive state and sends
 * each request through a {@link RequestWriter}, a {@link HeadParser} and a {@link BodyReader}, all
 * kept for the connection's life: a response costs its body array and a copy of its head, nothing else.
 */
final class Connection implements AutoCloseable {
    static final boolean YIELD_BEFORE_READ = !Boolean.getBoolean("stampede.noYield");
    /** 4 KiB: a response head and a small body in one read; larger bodies are read into their own array. */
    private static final int RECEIVE_BUFFER = 4 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final Endpoint endpoint;
    private final RequestWriter writer = new RequestWriter();
    private final ReceiveBuffer received;
    private final HeadParser head = new HeadParser();
    private final BodyReader bodies;
    private int served;
    private boolean reusable = true;
    private int soTimeout = -1;
    private long requestStartNanos;
    private long idleSinceNanos = System.nanoTime();

    private Connection(Socket socket, Endpoint endpoint) throws IOException {
        this.socket = socket;
        this.endpoint = endpoint;
        this.out = socket.getOutputStream();
        this.received = new ReceiveBuffer(socket.getInputStream(), RECEIVE_BUFFER);
        this.bodies = new BodyReader(received);
    }

    static Connection open(Endpoint endpoint, HttpClientConfig config, SSLSocketFactory tls) throws IOException {
        Socket s = SocketOpener.open(endpoint, config, tls);
        try {
            return new Connection(s, endpoint);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * A connection over a socket someone else connected: the JMH benchmark of building and parsing
     * a request ({@code stampede-bench}, through {@link RawExchange}) gives it an in-memory socket, so
     * it measures this class alone.
     */
    static Connection over(Socket socket, Endpoint endpoint) throws IOException {
        return new Connection(socket, endpoint);
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Responses completed on this connection: more than 0 means a failure may be a stale keep-alive. */
    int served() {
        return served;
    }

    /** Whether any byte of the current response arrived (a stale connection fails before that). */
    boolean receivedAny() {
        return received.receivedAny();
    }

    /** Whether the last answer was read to its end and the server keeps the connection open. */
    boolean reusable() {
        return reusable;
    }

    /** How long the connection sat unused before the current request. */
    long idleNanosBeforeRequest() {
        return requestStartNanos - idleSinceNanos;
    }

    RawResponse exchange(Outgoing req, String requestTarget, String userAgent) throws IOException {
        received.startResponse();
        reusable = false; // until the answer is read to its end: a failed exchange leaves the stream mid-answer
        requestStartNanos = System.nanoTime();
        writer.write(req, requestTarget, endpoint.hostHeader(), userAgent, out);
        int timeout = (int) Math.min(Integer.MAX_VALUE, req.readTimeout().toMillis());
        if (timeout != soTimeout) { // a socket option is a system call: set it only when it changes
            socket.setSoTimeout(timeout);
            soTimeout = timeout;
        }
        if (YIELD_BEFORE_READ && Thread.currentThread().isVirtual()) {
            Thread.yield();
        }
        RawResponse r = readResponse("HEAD".equals(req.method()));
        served++;
        idleSinceNanos = System.nanoTime();
        return r;
    }

    private RawResponse readResponse(boolean headRequest) throws IOException {
        head.read(received);
        int status = head.status();
        String reason = status >= 400 ? head.reason() : null;
        boolean closes = head.closes();
        byte[] body;
        if (headRequest || status == 204 || status == 304) {
            body = BodyReader.NONE;
        } else if (head.chunked()) {
            body = bodies.chunked();
        } else if (head.contentLength() >= 0) {
            body = bodies.fixedLength(head.contentLength());
        } else {
            body = bodies.untilClose();
            closes = true;
        }
        reusable = !closes;
        return new RawResponse(status, reason, head.copy(), body);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
