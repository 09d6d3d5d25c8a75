package io.stampede.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Connects a socket to an endpoint, with TLS on top for https: (host name verified unless insecure). */
final class SocketOpener {
    private SocketOpener() {
    }

    /** A connected socket, handshake done; the connect timeout bounds the TCP connect and the handshake each. */
    static Socket open(Endpoint endpoint, HttpClientConfig config, SSLSocketFactory tls) throws IOException {
        int timeoutMillis = (int) config.connectTimeout().toMillis();
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
            if (!endpoint.tls()) {
                return plain;
            }
            SSLSocket s = (SSLSocket) tls.createSocket(plain, endpoint.host(), endpoint.port(), true);
            if (!config.insecure()) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
            }
            s.setSoTimeout(timeoutMillis);
            handshake(s);
            return s;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * Shakes hands, marking a failure as the handshake's: a timeout here is a server that took the
     * TCP connection but does not speak TLS, not a host that cannot be reached.
     */
    private static void handshake(SSLSocket s) throws IOException {
        try {
            s.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new ErrorNames.TlsHandshakeFailed(e);
        } catch (InterruptedIOException e) {
            throw e; // a user being stopped, not a failure
        } catch (IOException e) {
            throw new ErrorNames.TlsHandshakeFailed(e);
        }
    }
}
