package io.stampede.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Failure names from the exceptions the transports throw, as the failures report groups them. */
class ErrorNamesTest {
    private static final HttpClientConfig CONFIG = HttpClientConfig.of("https://127.0.0.1:8443");

    private static String name(Throwable e, boolean connecting) {
        return ErrorNames.of(e, connecting, CONFIG, Duration.ofSeconds(60), "127.0.0.1");
    }

    private static String handshakeName(IOException cause) {
        return name(new ErrorNames.TlsHandshakeFailed(cause), true);
    }

    @Test
    void aHandshakeTimeoutIsNotATcpConnectTimeout() {
        assertThat(name(new SocketTimeoutException("Connect timed out"), true)).isEqualTo("connect timeout after 5s");
        assertThat(handshakeName(new SocketTimeoutException("Read timed out")))
                .isEqualTo("TLS handshake timeout after 5s: the server did not answer the handshake (is it plain HTTP?)");
        assertThat(name(new SocketTimeoutException("Read timed out"), false)).isEqualTo("read timeout after 60s");
    }

    @Test
    void aPlainTextAnswerToTheClientHelloIsNamedAsPlainHttpInEitherJdkWording() {
        String expected = "TLS handshake failed: the server answered in plain HTTP";
        assertThat(handshakeName(new SSLException("Unsupported or unrecognized SSL message"))).isEqualTo(expected);
        assertThat(handshakeName(new SSLException("Unrecognized SSL message, plaintext connection?"))).isEqualTo(expected);
        assertThat(name(new SSLException("Unsupported or unrecognized SSL message"), true)).as("the JDK client's")
                .isEqualTo(expected);
    }

    @Test
    void otherHandshakeFailuresSayWhatHappened() {
        SSLHandshakeException closed = new SSLHandshakeException("Remote host terminated the handshake");
        closed.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertThat(handshakeName(closed)).isEqualTo("TLS handshake failed: the server closed the connection during the handshake");
        assertThat(handshakeName(new java.net.SocketException("Connection reset")))
                .isEqualTo("TLS handshake failed: connection reset by peer");
        assertThat(handshakeName(new SSLHandshakeException("Received fatal alert: handshake_failure")))
                .isEqualTo("TLS handshake failed: Received fatal alert: handshake_failure");
    }

    @Test
    void anUntrustedCertificateIsNamedTheSameWrappedOrNot() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertPathValidatorException("unable to find valid certification path to requested target"));
        assertThat(handshakeName(untrusted)).isEqualTo(name(untrusted, true)).isEqualTo("TLS: server certificate not trusted");
    }

    @Test
    void systemLimitsAreNamedByCauseWithoutAdviceOrFlags() {
        assertThat(name(new java.net.SocketException("Too many open files"), true)).isEqualTo("out of file descriptors");
        assertThat(name(new ExceptionInInitializerError(new IOException("Too many open files")), false))
                .isEqualTo("out of file descriptors");
        assertThat(name(new java.net.BindException("Cannot assign requested address"), true))
                .isEqualTo("out of local ports to 127.0.0.1");
    }
}
