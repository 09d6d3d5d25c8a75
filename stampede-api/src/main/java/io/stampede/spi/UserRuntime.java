package io.stampede.spi;

import io.stampede.HttpSession;
import io.stampede.User;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the engine gives each simulated user. Scenario authors never use this directly; it is the
 * seam between the dependency-free API and the engine.
 *
 * <p>The engine binds a runtime to the current thread while it constructs the user (see
 * {@link #construct}), which is how {@link User} and {@code HttpUser} get their fields without a
 * constructor argument in every scenario class.
 */
public interface UserRuntime {
    HttpSession http();

    RandomGenerator random();

    long userId();

    /** The user instance, once constructed. */
    User user();

    void check(String name, boolean passed);

    /** The runtime bound by {@link #construct}; throws when a user is created outside the engine. */
    static UserRuntime current() {
        UserRuntime runtime = Binding.CURRENT.get();
        if (runtime == null) {
            throw new IllegalStateException("Stampede users and task sets are created by the engine, not with new");
        }
        return runtime;
    }

    /** Runs {@code constructor} with {@code runtime} bound, so the constructed object can find it. */
    static <T> T construct(UserRuntime runtime, Supplier<T> constructor) {
        UserRuntime previous = Binding.CURRENT.get();
        Binding.CURRENT.set(runtime);
        try {
            return constructor.get();
        } finally {
            Binding.CURRENT.set(previous);
        }
    }
}
