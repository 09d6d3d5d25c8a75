package io.stampede.convert;

import java.util.List;

/** A path into a JSON value as a scenario navigates it with {@code Json.get}. */
final class JsonPath {
    private JsonPath() {
    }

    /** {@code .get("data").get(0).get("token")}. */
    static String navigation(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object step : path) {
            b.append(".get(").append(step instanceof Integer i ? i.toString() : JavaNames.literal((String) step)).append(')');
        }
        return b.toString();
    }

    /** {@code data[0].token}, for comments. */
    static String text(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.isEmpty() ? "" : ".").append(step);
            }
        }
        return b.isEmpty() ? "(the whole body)" : b.toString();
    }
}
