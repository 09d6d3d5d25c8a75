package io.stampede.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.stampede.Json;
import java.io.IOException;

/** {@link Json} over Jackson's tree model; a body that is not JSON reads as missing, never throws. */
final class JacksonJson implements Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode node;

    private JacksonJson(JsonNode node) {
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    static Json parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new JacksonJson(MissingNode.getInstance());
        }
        try {
            return new JacksonJson(MAPPER.readTree(body));
        } catch (IOException e) {
            return new JacksonJson(MissingNode.getInstance());
        }
    }

    @Override
    public Json get(String field) {
        return new JacksonJson(node.path(field));
    }

    @Override
    public Json get(int index) {
        return new JacksonJson(node.path(index));
    }

    @Override
    public boolean has(String field) {
        return node.has(field);
    }

    @Override
    public int size() {
        return node.size();
    }

    @Override
    public boolean isMissing() {
        return node.isMissingNode();
    }

    @Override
    public String asText() {
        return node.isMissingNode() || node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString();
    }

    @Override
    public int asInt() {
        return node.asInt();
    }

    @Override
    public long asLong() {
        return node.asLong();
    }

    @Override
    public double asDouble() {
        return node.asDouble();
    }

    @Override
    public boolean asBoolean() {
        return node.asBoolean();
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
