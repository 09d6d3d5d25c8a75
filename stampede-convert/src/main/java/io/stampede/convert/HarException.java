package io.stampede.convert;

/** A file that cannot be converted (missing, not a HAR, nothing left to convert): one line for the person. */
public final class HarException extends Exception {
    private static final long serialVersionUID = 1L;

    public HarException(String message) {
        super(message, null, false, false);
    }
}
