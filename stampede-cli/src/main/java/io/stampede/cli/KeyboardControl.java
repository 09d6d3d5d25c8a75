package io.stampede.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntConsumer;

/**
 * Locust's keys in a headless run: w and W add 1 and 10 users, s and S remove 1 and 10. Read from
 * standard input on a daemon thread, only when a person is at a terminal; other keys are ignored.
 */
final class KeyboardControl {
    private final InputStream in;
    private final IntConsumer adjustUsers;

    /** @param adjustUsers called with +1, +10, -1 or -10 for each key */
    KeyboardControl(InputStream in, IntConsumer adjustUsers) {
        this.in = in;
        this.adjustUsers = adjustUsers;
    }

    /** Reads keys until the input ends (the thread is a daemon: a run that ends does not wait for it). */
    Thread start() {
        return Thread.ofPlatform().daemon().name("stampede-keys").start(this::readKeys);
    }

    void readKeys() {
        try {
            int c;
            while ((c = in.read()) >= 0) {
                int delta = delta(c);
                if (delta != 0) {
                    adjustUsers.accept(delta);
                }
            }
        } catch (IOException e) {
            // standard input went away: no more keys
        }
    }

    static int delta(int key) {
        return switch (key) {
            case 'w' -> 1;
            case 'W' -> 10;
            case 's' -> -1;
            case 'S' -> -10;
            default -> 0;
        };
    }
}
