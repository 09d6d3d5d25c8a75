package io.stampede;

/**
 * A read-only view of a JSON value. Navigation never throws: {@code get} on a missing field gives a
 * missing value, whose {@code asText()} is "" and {@code asInt()} is 0.
 */
public interface Json {
    Json get(String field);

    Json get(int index);

    boolean has(String field);

    /** Elements of an array, fields of an object, else 0. */
    int size();

    boolean isMissing();

    String asText();

    int asInt();

    long asLong();

    double asDouble();

    boolean asBoolean();
}
