package io.stampede.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx on loopback with HTTP/2: over TLS (a self-signed certificate made by openssl for
 * this test) and cleartext with prior knowledge, plus an h2c listener that closes each connection
 * after 20 requests (a GOAWAY), and stub_status on a plain HTTP/1.1 port to count what it served.
 * Tests that need it are skipped, saying why, where nginx or openssl is missing (.ci/run installs nginx).
 */
final class NginxHttp2 implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");

    final int tlsPort;
    final int h2cPort;
    final int goAwayPort;
    private final int statusPort;
    private final Path dir;
    private final Process process;

    private NginxHttp2(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir.resolve("tmp"));
        int[] ports = freePorts(4);
        tlsPort = ports[0];
        h2cPort = ports[1];
        goAwayPort = ports[2];
        statusPort = ports[3];
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString()));
        String d = dir.toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/tmp;
                    proxy_temp_path %1$s/tmp;
                    fastcgi_temp_path %1$s/tmp;
                    uwsgi_temp_path %1$s/tmp;
                    scgi_temp_path %1$s/tmp;
                    ssl_certificate %1$s/cert.pem;
                    ssl_certificate_key %1$s/key.pem;
                    server {
                        listen 127.0.0.1:%2$d ssl http2;
                        listen 127.0.0.1:%3$d http2;
                        keepalive_requests 1000000;
                        location / { default_type text/plain; return 200 "hello over h2\\n"; }
                        # which protocol nginx itself saw: HTTP/2.0 or HTTP/1.1
                        location = /protocol { default_type text/plain; return 200 "$server_protocol"; }
                    }
                    server {
                        listen 127.0.0.1:%4$d http2;
                        keepalive_requests 20;
                        location / { default_type text/plain; return 200 "hello, then goaway\\n"; }
                    }
                    server {
                        listen 127.0.0.1:%5$d;
                        location = /status { stub_status; }
                    }
                }
                """.formatted(d, tlsPort, h2cPort, goAwayPort, statusPort));
        process = new ProcessBuilder(NGINX.toString(), "-c", dir.resolve("nginx.conf").toString(), "-p", d)
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", statusPort)) {
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IOException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
                }
                Thread.sleep(50);
            }
        }
    }

    static NginxHttp2 startOrSkip(Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "no Debian nginx at " + NGINX + " (apt-get install nginx)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "no openssl to make a certificate");
        return new NginxHttp2(dir);
    }

    /** What nginx counted so far: connections accepted and requests served, the status request of this call left out. */
    record Counts(long connections, long requests) {
        Counts minus(Counts before) {
            // the later reading's own status request and connection are left out too
            return new Counts(connections - before.connections - 1, requests - before.requests - 1);
        }
    }

    Counts counts() throws Exception {
        try (HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String body = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/status"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String[] n = body.lines().toList().get(2).trim().split("\\s+");
            return new Counts(Long.parseLong(n[0]), Long.parseLong(n[2]));
        }
    }

    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }

    private void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed: " + out);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
