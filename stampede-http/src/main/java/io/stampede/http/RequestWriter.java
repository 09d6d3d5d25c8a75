package io.stampede.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Puts a request on the wire: the head is built in a buffer reused from request to request and
 * written with a small body in one call, so a request is one system call and no garbage.
 */
final class RequestWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    /** Bodies up to this size go out in the head's write; larger ones are written from their own array. */
    private static final int INLINE_BODY = 8192;

    private byte[] buf = new byte[1024];
    private int len;

    void write(Outgoing req, String target, String hostHeader, String userAgent, OutputStream out) throws IOException {
        len = 0;
        ascii(req.method()).put((byte) ' ').ascii(target).ascii(" HTTP/1.1\r\nHost: ").ascii(hostHeader)
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
            ascii("Content-Length: ").decimal(body.length).put(CRLF);
        } else if (needsLength(req.method())) {
            ascii("Content-Length: 0\r\n");
        }
        put(CRLF);
        if (body != null && body.length <= INLINE_BODY) {
            put(body);
            out.write(buf, 0, len);
        } else {
            out.write(buf, 0, len);
            if (body != null) {
                out.write(body);
            }
        }
        out.flush();
    }

    /** Methods whose servers may insist on a length even when there is no body (411 otherwise). */
    private static boolean needsLength(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private RequestWriter put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    private RequestWriter put(byte b) {
        ensure(1);
        buf[len++] = b;
        return this;
    }

    /** Writes an ASCII string without encoding it to a byte array first. */
    private RequestWriter ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Writes a non-negative number's digits in place: no String per request. */
    private RequestWriter decimal(int n) {
        int digits = 1;
        for (int rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = len + digits - 1, rest = n; i >= len; i--, rest /= 10) {
            buf[i] = (byte) ('0' + rest % 10);
        }
        len += digits;
        return this;
    }

    /** Header names and values: ASCII fast, UTF-8 when a script put other characters in. */
    private RequestWriter text(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return put(s.getBytes(StandardCharsets.UTF_8));
            }
        }
        return ascii(s);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
