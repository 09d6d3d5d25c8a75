package io.stampede.testkit;

import java.nio.charset.StandardCharsets;

/**
 * What a route answers: a status and body, or one of the misbehaviours a load tester must survive.
 */
public sealed interface Reply {
    /** A normal answer. */
    record Answer(int status, String contentType, byte[] body, boolean chunked) implements Reply {
    }

    /** Close the connection with a TCP reset, without answering. */
    record Reset() implements Reply {
    }

    /** Close the connection cleanly, without answering. */
    record Close() implements Reply {
    }

    /** Never answer (until the server closes). */
    record Hang() implements Reply {
    }

    /** Promise {@code promised} bytes, send {@code sent}, then close. */
    record Partial(int promised, int sent) implements Reply {
    }

    static Reply text(int status, String body) {
        return new Answer(status, "text/plain", body.getBytes(StandardCharsets.UTF_8), false);
    }

    static Reply json(int status, String body) {
        return new Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
    }
}
