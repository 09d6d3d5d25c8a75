package io.stampede.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Names a failed exchange the way a person would, as a short stable string: it is the grouping key
 * of the failures report, so the same cause must always give the same words. A name states the
 * cause only: what to do about it (a flag, a system limit) is the command line's to say, as the
 * transport knows no flags.
 */
final class ErrorNames {
    static final String CLOSED_WITHOUT_RESPONSE = "remote end closed connection without response";
    static final String RESET = "connection reset by peer";
    static final String INTERRUPTED = "interrupted";
    static final String OUT_OF_FILES = "out of file descriptors";
    static final String CERTIFICATE_NOT_TRUSTED = "TLS: server certificate not trusted";
    static final String PLAIN_HTTP_ANSWER = "TLS handshake failed: the server answered in plain HTTP";

    private ErrorNames() {
    }

    static String of(Throwable e, boolean connecting, HttpClientConfig config, Duration readTimeout, String host) {
        String msg = String.valueOf(e.getMessage());
        if (e instanceof TruncatedResponse t) {
            return t.getMessage();
        }
        if (e instanceof MalformedResponse m) {
            return "malformed response: " + m.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + host;
        }
        if (e instanceof TlsHandshakeFailed h) {
            return handshake(h.getCause(), config, readTimeout, host);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof SocketTimeoutException && connecting) {
            return "connect timeout after " + seconds(config.connectTimeout());
        }
        if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
            return "read timeout after " + seconds(readTimeout);
        }
        if (e instanceof LinkageError) {
            Throwable root = rootCause(e);
            if (String.valueOf(root.getMessage()).contains("Too many open files")) {
                msg = root.getMessage();
            } else {
                return "Java runtime failure: " + firstLine(e.toString());
            }
        }
        if (msg.contains("Too many open files")) {
            return OUT_OF_FILES;
        }
        if (msg.contains("Cannot assign requested address")) {
            return "out of local ports to " + host;
        }
        if (e instanceof ConnectException || msg.contains("Connection refused")) {
            return "connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SSLException s) {
            return tls(s);
        }
        if (msg.contains("Connection reset") || msg.contains("Broken pipe")) {
            return RESET;
        }
        if (e instanceof EOFException || msg.contains("closed") || msg.contains("EOF")) {
            return CLOSED_WITHOUT_RESPONSE;
        }
        return e.getClass().getSimpleName() + ": " + firstLine(msg);
    }

    /**
     * The TLS handshake failed (our transport says so; the TCP connect had succeeded). A server that
     * never answers the ClientHello is most often a plain-HTTP one waiting for the end of a request
     * line: named apart from a TCP connect timeout, which says the host is not there.
     */
    private static String handshake(Throwable cause, HttpClientConfig config, Duration readTimeout, String host) {
        if (cause instanceof SocketTimeoutException) {
            return "TLS handshake timeout after " + seconds(config.connectTimeout())
                    + ": the server did not answer the handshake (is it plain HTTP?)";
        }
        if (cause instanceof SSLException s) {
            return tls(s);
        }
        return "TLS handshake failed: " + of(cause, false, config, readTimeout, host);
    }

    private static String tls(SSLException e) {
        String root = rootMessage(e);
        if (root.contains("certification path")) {
            return CERTIFICATE_NOT_TRUSTED;
        }
        if (answeredInPlainText(e)) {
            return PLAIN_HTTP_ANSWER;
        }
        if (e instanceof SSLHandshakeException && rootCause(e) instanceof EOFException) { // the JDK's words for it: "SSL peer shut down incorrectly"
            return "TLS handshake failed: the server closed the connection during the handshake";
        }
        return "TLS handshake failed: " + firstLine(root);
    }

    /**
     * Whether the first bytes back were not a TLS record: the JDK says "Unsupported or unrecognized
     * SSL message" (older ones "Unrecognized SSL message, plaintext connection?"), which in practice
     * is a plain-HTTP server's 400 answer to the ClientHello.
     */
    private static boolean answeredInPlainText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("unrecognized ssl message") || m.contains("plaintext")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        return String.valueOf(rootCause(e).getMessage());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 120 ? line.substring(0, 120) : line;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** The body ended before its announced length. */
    static final class TruncatedResponse extends IOException {
        private static final long serialVersionUID = 1L;

        TruncatedResponse(long expected, long got) {
            super("response truncated (expected " + expected + " bytes, got " + got + ")");
        }
    }

    /** The TLS handshake failed after the TCP connect succeeded; the cause says how. */
    static final class TlsHandshakeFailed extends IOException {
        private static final long serialVersionUID = 1L;

        TlsHandshakeFailed(IOException cause) {
            super("TLS handshake failed", cause);
        }
    }

    /** The server sent something that is not HTTP/1.x. */
    static final class MalformedResponse extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedResponse(String what) {
            super(what);
        }
    }
}
