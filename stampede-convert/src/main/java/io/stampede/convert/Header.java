package io.stampede.convert;

/** One header as recorded (names keep the recording's case; HTTP/2 recordings give lower case). */
public record Header(String name, String value) {
    boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
