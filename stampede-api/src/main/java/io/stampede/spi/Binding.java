package io.stampede.spi;

/** Holds the thread-bound runtime for {@link UserRuntime#construct}. */
final class Binding {
    static final ThreadLocal<UserRuntime> CURRENT = new ThreadLocal<>();

    private Binding() {
    }
}
