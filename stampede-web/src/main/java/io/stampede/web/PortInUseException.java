package io.stampede.web;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The web UI's port is taken: the message is one line that names the address. */
public final class PortInUseException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    PortInUseException(String message, IOException cause) {
        super(message, cause);
    }
}
