package io.stampede.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLContext;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An HTTP/1.1 server on 127.0.0.1 for tests: one virtual thread per connection, keep-alive, and
 * exact counts of what it received, so tests compare the tool's numbers with the server's. Routes:
 * {@code /fast}, {@code /slow?ms=N}, {@code /status/N}, {@code /bytes?n=N}, {@code /echo},
 * {@code /json}, {@code /chunked}, and misbehaving {@code /reset}, {@code /close}, {@code /hang},
 * {@code /partial}; anything else is 404. {@link #stall} makes every answer wait, like a server in a
 * long GC pause. {@link #catchUp} makes a count of zero mean that nothing came. {@link #start(InetAddress)}
 * binds another address (a network namespace's, say), and {@link #requestCountsByRemoteAddress} says
 * which client addresses the requests came from.
 */
public final class TargetServer implements AutoCloseable {
    /** The path of {@link #catchUp}'s own request, which is not counted. */
    private static final String CATCH_UP = "/.testkit/catch-up";
    private final ServerSocket socket;
    private final Map<String, Handler> routes = new HashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byRemote = new ConcurrentHashMap<>();
    private final InetAddress address;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long stallUntilNanos;
    private volatile boolean closed;
    private final boolean tls;

    private TargetServer(Map<String, Handler> custom, SSLContext tls, InetAddress address) throws IOException {
        this.address = address;
        routes.putAll(Routes.builtIn());
        routes.putAll(custom);
        this.tls = tls != null;
        socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        socket.bind(new InetSocketAddress(address, 0), 4096);
        Thread.ofVirtual().name("target-accept").start(this::acceptLoop);
    }

    public static TargetServer start() throws IOException {
        return new TargetServer(Map.of(), null, InetAddress.getLoopbackAddress());
    }

    /** Starts on this address (any free port) instead of 127.0.0.1. */
    public static TargetServer start(InetAddress address) throws IOException {
        return new TargetServer(Map.of(), null, address);
    }

    /** Starts with extra routes (exact paths), matched before the built-in ones. */
    public static TargetServer start(Map<String, Handler> custom) throws IOException {
        return new TargetServer(custom, null, InetAddress.getLoopbackAddress());
    }

    /** Starts an HTTPS server with the given context (see {@link SelfSigned}). */
    public static TargetServer startTls(SSLContext context) throws IOException {
        return new TargetServer(Map.of(), context, InetAddress.getLoopbackAddress());
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String url() {
        String host = address.getHostAddress();
        return (tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Requests received (fully read), of every path. */
    public long requestCount() {
        return total.get();
    }

    /** Requests received for one method and path (without the query string). */
    public long requestCount(String method, String path) {
        AtomicLong n = counts.get(method + ' ' + path);
        return n == null ? 0 : n.get();
    }

    /** Requests received (of every path) by the client address they came from, e.g. "10.231.0.11". */
    public Map<String, Long> requestCountsByRemoteAddress() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        byRemote.forEach((a, n) -> copy.put(a, n.get()));
        return copy;
    }

    /** Connections accepted since the start (or the last reset). */
    public long connectionCount() {
        return connections.get();
    }

    public void reset() {
        counts.clear();
        byRemote.clear();
        total.set(0);
        connections.set(0);
    }

    /**
     * Returns once the server has accepted every connection made to it before this call, and read every
     * request a client sent and waited for: it sends a request of its own on a fresh connection and
     * waits for the answer, and the server accepts connections in the order they were made. That
     * connection and request are not counted, so a test that expects a client to have sent nothing
     * calls this, then asserts {@code connectionCount()} and {@code requestCount()} are 0. Plain HTTP only.
     */
    public void catchUp() throws IOException {
        if (tls) {
            throw new IllegalStateException("catchUp() speaks plain HTTP; this server is HTTPS");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port()), 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET " + CATCH_UP + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes(); // the answer, then the server closes: it has served this connection
        }
    }

    /** From now on, for {@code millis}, no request is answered before the stall ends. */
    public void stall(long millis) {
        stallUntilNanos = System.nanoTime() + millis * 1_000_000L;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            String remote = s.getInetAddress().getHostAddress();
            RequestReader reader = new RequestReader(new BufferedInputStream(s.getInputStream()));
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            for (Request r = reader.next(); r != null; r = reader.next()) {
                if (r.path().equals(CATCH_UP)) {
                    connections.decrementAndGet(); // counted on accept: catchUp() is not a client of the test
                    answer(s, out, Reply.text(200, "caught up"), true);
                    return;
                }
                counts.computeIfAbsent(r.method() + ' ' + r.path(), k -> new AtomicLong()).incrementAndGet();
                total.incrementAndGet();
                byRemote.computeIfAbsent(remote, k -> new AtomicLong()).incrementAndGet();
                Reply reply = route(r);
                waitOutStall();
                if (!answer(s, out, reply, "close".equalsIgnoreCase(r.header("connection")))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to do on a test server
        } finally {
            open.remove(s);
        }
    }

    private Reply route(Request r) {
        try {
            Handler h = routes.get(r.path());
            if (h != null) {
                return h.handle(r);
            }
            if (r.path().startsWith("/status/")) {
                return Routes.status(r.path());
            }
            return Reply.text(404, "not found");
        } catch (Exception e) {
            return Reply.text(500, "handler failed: " + e);
        }
    }

    private void waitOutStall() {
        long left;
        while ((left = stallUntilNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** Writes the reply; false when the connection must end. */
    private boolean answer(Socket s, OutputStream out, Reply reply, boolean closeAfter) throws IOException {
        switch (reply) {
            case Reply.Reset r -> {
                s.setSoLinger(true, 0);
                return false;
            }
            case Reply.Close c -> {
                return false;
            }
            case Reply.Hang h -> {
                while (!closed && !s.isClosed()) {
                    LockSupport.parkNanos(50_000_000L);
                }
                return false;
            }
            case Reply.Partial p -> {
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + p.promised() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[p.sent()]);
                out.flush();
                return false;
            }
            case Reply.Answer a -> {
                StringBuilder head = new StringBuilder("HTTP/1.1 ").append(a.status()).append(' ').append(reason(a.status()))
                        .append("\r\nContent-Type: ").append(a.contentType()).append("\r\n");
                if (closeAfter) {
                    head.append("Connection: close\r\n");
                }
                if (a.chunked()) {
                    head.append("Transfer-Encoding: chunked\r\n\r\n");
                    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                    writeChunked(out, a.body());
                } else {
                    head.append("Content-Length: ").append(a.body().length).append("\r\n\r\n");
                    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                    out.write(a.body());
                }
                out.flush();
                return !closeAfter;
            }
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int third = Math.max(1, body.length / 3);
        for (int off = 0; off < body.length; off += third) {
            int n = Math.min(third, body.length - off);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, off, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
