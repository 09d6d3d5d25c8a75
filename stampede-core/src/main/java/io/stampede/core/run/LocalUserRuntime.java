package io.stampede.core.run;

import io.stampede.HttpSession;
import io.stampede.User;
import io.stampede.core.stats.RequestRecorder;
import io.stampede.core.stats.StatsRegistry;
import io.stampede.core.transport.SessionFactory;
import io.stampede.spi.UserRuntime;
import java.util.random.RandomGenerator;

/** The runtime of one user in this process: its random stream, its HTTP session, its checks. */
final class LocalUserRuntime implements UserRuntime, AutoCloseable {
    private final long userId;
    private final RandomGenerator random;
    private final SessionFactory sessions;
    private final StatsRegistry registry;
    private final RequestRecorder recorder;
    private HttpSession http;
    private User user;

    /** @param recorder where this user's requests are recorded (the registry, or a correcting wrapper) */
    LocalUserRuntime(long userId, RandomGenerator random, SessionFactory sessions, StatsRegistry registry,
                     RequestRecorder recorder) {
        this.userId = userId;
        this.random = random;
        this.sessions = sessions;
        this.registry = registry;
        this.recorder = recorder;
    }

    @Override
    public HttpSession http() {
        if (http == null) {
            http = sessions.open(recorder);
        }
        return http;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public User user() {
        return user;
    }

    void user(User user) {
        this.user = user;
    }

    @Override
    public void check(String name, boolean passed) {
        registry.recordCheck(name, passed);
    }

    @Override
    public void close() {
        if (http instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a connection at the end of a user: nothing left to report
            }
        }
    }
}
