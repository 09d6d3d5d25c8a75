package io.stampede.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One keep-alive HTTP/1.1 connection over a blocking socket, meant for a virtual thread: the thread
 * parks in the kernel read, not a selector. Buffers are reused from request to request; a response
 * costs its body array and a copy of its header block, nothing else.
 */
final class Connection implements AutoCloseable {
    private static final byte[] CRLF = {'\r', '\n'};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Endpoint endpoint;
    /** 4 KiB: a response head and a small body in one read; larger bodies are read into their own array. */
    private final byte[] rbuf = new byte[4 * 1024];
    private int rpos;
    private int rlen;
    private byte[] wbuf = new byte[1024];
    private int wlen;
    private byte[] head = new byte[512];
    private int headLen;
    private int served;
    private boolean reusable = true;
    private boolean receivedAny;
    private long idleSinceNanos = System.nanoTime();

    private Connection(Socket socket, Endpoint endpoint) throws IOException {
        this.socket = socket;
        this.endpoint = endpoint;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static Connection open(Endpoint endpoint, HttpClientConfig config, SSLSocketFactory tls) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) config.connectTimeout().toMillis());
            if (!endpoint.tls()) {
                return new Connection(plain, endpoint);
            }
            SSLSocket s = (SSLSocket) tls.createSocket(plain, endpoint.host(), endpoint.port(), true);
            if (!config.insecure()) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
            }
            s.setSoTimeout((int) config.connectTimeout().toMillis());
            s.startHandshake();
            return new Connection(s, endpoint);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * A connection over a socket someone else connected: the JMH benchmark of building and parsing
     * a request ({@code stampede-bench}) gives it an in-memory socket, so it measures this class alone.
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
        return receivedAny;
    }

    boolean reusable() {
        return reusable;
    }

    /** How long the connection sat unused before the current request. */
    long idleNanosBeforeRequest() {
        return requestStartNanos - idleSinceNanos;
    }

    private long requestStartNanos;
    private int soTimeout = -1;
    static final boolean YIELD_BEFORE_READ = !Boolean.getBoolean("stampede.noYield");

    RawResponse exchange(Outgoing req, String requestTarget, String userAgent) throws IOException {
        receivedAny = false;
        requestStartNanos = System.nanoTime();
        writeRequest(req, requestTarget, userAgent);
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

    private void writeRequest(Outgoing req, String target, String userAgent) throws IOException {
        wlen = 0;
        ascii(req.method()).put((byte) ' ').ascii(target).ascii(" HTTP/1.1\r\nHost: ").ascii(endpoint.hostHeader())
                .ascii("\r\nUser-Agent: ").ascii(userAgent).put(CRLF);
        List<String> h = req.headers();
        boolean hasType = false;
        for (int i = 0; i < h.size(); i += 2) {
            hasType |= h.get(i).equalsIgnoreCase("Content-Type");
            text(h.get(i)).ascii(": ").text(h.get(i + 1)).put(CRLF);
        }
        byte[] body = req.body();
        if (body != null) {
            if (!hasType && req.contentType() != null) {
                ascii("Content-Type: ").ascii(req.contentType()).put(CRLF);
            }
            ascii("Content-Length: ").ascii(Integer.toString(body.length)).put(CRLF);
        } else if (needsLength(req.method())) {
            ascii("Content-Length: 0\r\n");
        }
        put(CRLF);
        if (body != null && body.length <= 8192) {
            put(body);
            out.write(wbuf, 0, wlen);
        } else {
            out.write(wbuf, 0, wlen);
            if (body != null) {
                out.write(body);
            }
        }
        out.flush();
    }

    private static boolean needsLength(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private RawResponse readResponse(boolean headRequest) throws IOException {
        int status;
        do {
            readHead();
            status = statusOf();
        } while (status >= 100 && status < 200 && status != 101);
        String reason = status >= 400 ? reasonOf() : null;
        long contentLength = -1;
        boolean chunked = false;
        // HTTP/1.0 closes after each answer unless the server says keep-alive (python's http.server,
        // old proxies); reusing such a connection would fail every other request
        boolean close = head[5] == '1' && head[7] == '0';
        int lineStart = lineEnd(0) + 1;
        while (lineStart < headLen) {
            int end = lineEnd(lineStart);
            if (startsWithIgnoreCase(lineStart, "content-length:")) {
                contentLength = number(lineStart + 15, end);
            } else if (startsWithIgnoreCase(lineStart, "transfer-encoding:")) {
                chunked = value(lineStart + 18, end).toLowerCase().contains("chunked");
            } else if (startsWithIgnoreCase(lineStart, "connection:")) {
                if (valueIs(lineStart + 11, end, "close")) {
                    close = true;
                } else if (valueIs(lineStart + 11, end, "keep-alive")) {
                    close = false;
                }
            }
            lineStart = end + 1;
        }
        byte[] body;
        if (headRequest || status == 204 || status == 304) {
            body = new byte[0];
        } else if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = readExactly(contentLength);
        } else {
            body = readToEof();
            close = true;
        }
        reusable = !close;
        return new RawResponse(status, reason, new HeadBytes(Arrays.copyOf(head, headLen)), body);
    }

    /**
     * Reads up to the blank line after the headers into {@code head}: copies what the read buffer
     * holds in bulk and scans only the new bytes for the end of the head (a byte-at-a-time copy
     * showed up as a fifth of the CPU profile at 100k requests/s).
     */
    private void readHead() throws IOException {
        headLen = 0;
        while (true) {
            if (rpos == rlen && !fill()) {
                throw headLen == 0 && !receivedAny ? new EOFException("closed before response")
                        : new ErrorNames.MalformedResponse("connection closed inside the headers");
            }
            int n = rlen - rpos;
            if (headLen + n > head.length) {
                head = Arrays.copyOf(head, Math.max(head.length * 2, headLen + n));
            }
            System.arraycopy(rbuf, rpos, head, headLen, n);
            int scanFrom = headLen;
            headLen += n;
            int end = headEnd(scanFrom);
            if (end >= 0) {
                rpos = rlen - (headLen - end); // the rest is body, left in the read buffer
                headLen = end;
                return;
            }
            rpos = rlen;
            if (headLen > 64 * 1024) {
                throw new ErrorNames.MalformedResponse("headers larger than 64 KiB");
            }
        }
    }

    /** The length of the head if it ends ("\n\n" or "\r\n\r\n") at or after {@code from}, else -1. */
    private int headEnd(int from) {
        for (int i = from; i < headLen; i++) {
            if (head[i] == '\n' && i >= 1) {
                if (head[i - 1] == '\n' || i >= 3 && head[i - 1] == '\r' && head[i - 2] == '\n' && head[i - 3] == '\r') {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private int statusOf() throws IOException {
        if (headLen < 12 || head[0] != 'H' || head[1] != 'T' || head[2] != 'T' || head[3] != 'P' || head[8] != ' ') {
            throw new ErrorNames.MalformedResponse("not an HTTP/1.x status line");
        }
        int s = 0;
        for (int i = 9; i < 12; i++) {
            int d = head[i] - '0';
            if (d < 0 || d > 9) {
                throw new ErrorNames.MalformedResponse("bad status code");
            }
            s = s * 10 + d;
        }
        return s;
    }

    private String reasonOf() {
        int end = lineEnd(0);
        return headLen > 13 && end > 13 ? value(13, end) : "";
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < headLen && head[i] != '\n') {
            i++;
        }
        return i;
    }

    private boolean startsWithIgnoreCase(int at, String prefix) {
        if (at + prefix.length() > headLen) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) head[at + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A header's decimal value read in place: no String per response (JMH: ExchangeBenchmark). */
    private long number(int from, int end) throws IOException {
        int i = from;
        while (i < end && head[i] == ' ') {
            i++;
        }
        long n = 0;
        int digits = 0;
        while (i < end && head[i] >= '0' && head[i] <= '9') {
            if (++digits > 18) {
                throw new ErrorNames.MalformedResponse("Content-Length too large");
            }
            n = n * 10 + (head[i++] - '0');
        }
        while (i < end && (head[i] == ' ' || head[i] == '\r')) {
            i++;
        }
        if (digits == 0 || i != end) {
            throw new ErrorNames.MalformedResponse("bad Content-Length");
        }
        return n;
    }

    /** Whether a header's value, trimmed, is {@code lowerCase} in any case, compared in place. */
    private boolean valueIs(int from, int end, String lowerCase) {
        int to = valueEnd(from, end);
        from = valueStart(from, to);
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if (Character.toLowerCase((char) head[from + i]) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int from, int end) {
        int to = valueEnd(from, end);
        from = valueStart(from, to);
        return new String(head, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Where a header value ends once trailing spaces and the CR of its line are left out. */
    private int valueEnd(int from, int end) {
        int to = end;
        while (to > from && (head[to - 1] == '\r' || head[to - 1] == ' ')) {
            to--;
        }
        return to;
    }

    /** Where a header value starts once leading spaces are left out. */
    private int valueStart(int from, int to) {
        while (from < to && head[from] == ' ') {
            from++;
        }
        return from;
    }

    private byte[] readExactly(long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new ErrorNames.MalformedResponse("body of " + length + " bytes is too large");
        }
        byte[] body = new byte[(int) length];
        int got = 0;
        while (got < length) {
            int remaining = (int) length - got;
            if (rpos == rlen && remaining >= rbuf.length) {
                // a large body goes straight into its array: no copy, and the read buffer stays small
                int n = in.read(body, got, remaining);
                if (n <= 0) {
                    reusable = false;
                    throw new ErrorNames.TruncatedResponse(length, got);
                }
                receivedAny = true;
                got += n;
                continue;
            }
            if (rpos == rlen && !fill()) {
                reusable = false;
                throw new ErrorNames.TruncatedResponse(length, got);
            }
            int n = Math.min(rlen - rpos, (int) length - got);
            System.arraycopy(rbuf, rpos, body, got, n);
            rpos += n;
            got += n;
        }
        return body;
    }

    private byte[] readChunked() throws IOException {
        byte[] body = new byte[0];
        int len = 0;
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new ErrorNames.MalformedResponse("bad chunk size");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: ignored
                }
                return len == body.length ? body : Arrays.copyOf(body, len);
            }
            byte[] chunk = readExactly(size);
            if (len + size > body.length) {
                body = Arrays.copyOf(body, Math.max(len + size, body.length * 2));
            }
            System.arraycopy(chunk, 0, body, len, size);
            len += size;
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder(8);
        while (true) {
            if (rpos == rlen && !fill()) {
                reusable = false;
                throw new ErrorNames.MalformedResponse("connection closed inside a chunked body");
            }
            byte c = rbuf[rpos++];
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            b.append((char) c);
        }
    }

    private byte[] readToEof() throws IOException {
        byte[] body = new byte[Math.max(256, rlen - rpos)];
        int len = 0;
        while (rpos < rlen || fill()) {
            int n = rlen - rpos;
            if (len + n > body.length) {
                body = Arrays.copyOf(body, Math.max(len + n, body.length * 2));
            }
            System.arraycopy(rbuf, rpos, body, len, n);
            rpos += n;
            len += n;
        }
        return Arrays.copyOf(body, len);
    }

    private boolean fill() throws IOException {
        int n = in.read(rbuf, 0, rbuf.length);
        if (n <= 0) {
            return false;
        }
        receivedAny = true;
        rpos = 0;
        rlen = n;
        return true;
    }

    private Connection put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, wbuf, wlen, bytes.length);
        wlen += bytes.length;
        return this;
    }

    private Connection put(byte b) {
        ensure(1);
        wbuf[wlen++] = b;
        return this;
    }

    /** Writes an ASCII string without encoding it to a byte array first. */
    private Connection ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            wbuf[wlen++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Header names and values: ASCII fast, UTF-8 when a script put other characters in. */
    private Connection text(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return put(s.getBytes(StandardCharsets.UTF_8));
            }
        }
        return ascii(s);
    }

    private void ensure(int extra) {
        if (wlen + extra > wbuf.length) {
            wbuf = Arrays.copyOf(wbuf, Math.max(wbuf.length * 2, wlen + extra));
        }
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
