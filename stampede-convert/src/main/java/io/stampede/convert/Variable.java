package io.stampede.convert;

/**
 * A secret of the recording as the scenario gets it: a field set from an earlier response, or an
 * environment variable.
 *
 * @param name the Java field (for a response's value) or the environment variable's name
 * @param what what it is, for the comment beside it ("the bearer token of Authorization")
 */
record Variable(String name, Source source, String what) {
    boolean fromEnvironment() {
        return source instanceof Source.Environment;
    }

    /** The Java expression that gives the value where a request needs it. */
    String expression() {
        return fromEnvironment() ? "env(\"" + name + "\")" : name;
    }
}
