package io.stampede.convert;

import java.util.List;

/** Where a secret of the recording comes from when the scenario runs. */
sealed interface Source {
    /** A string of an earlier response's JSON body: {@code path} holds field names and array indexes. */
    record Json(Exchange response, List<Object> path) implements Source {
    }

    /** A cookie an earlier response set. */
    record Cookie(Exchange response, String name) implements Source {
    }

    /** A header of an earlier response. */
    record ResponseHeader(Exchange response, String name) implements Source {
    }

    /** Nothing recorded gave it (a password, an API key): the person running the scenario sets it. */
    record Environment(String variable) implements Source {
    }
}
