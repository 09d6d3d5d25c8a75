package io.stampede.http;

import io.stampede.HttpSession;
import io.stampede.core.transport.SessionFactory;
import io.stampede.core.stats.RequestRecorder;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;

/**
 * The transport over {@code java.net.http.HttpClient} (one client shared by all users, HTTP/1.1,
 * virtual-thread executor). Kept so the benchmark can compare it with {@link SocketSessionFactory}
 * ({@code --transport jdk}); not the default.
 */
public final class JdkSessionFactory implements SessionFactory {
    private final HttpClientConfig config;
    private final HttpClient client;

    public JdkSessionFactory(HttpClientConfig config) {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .sslContext(Tls.context(config.insecure()));
        this.client = b.build();
    }

    @Override
    public HttpSession open(RequestRecorder recorder) {
        return new ExchangeSession(new JdkExchanger(client, config), recorder, config);
    }

    @Override
    public void close() {
        client.close();
    }
}
