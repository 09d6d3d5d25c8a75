package io.stampede.http;

import io.stampede.CaughtResponse;
import io.stampede.RequestBuilder;
import io.stampede.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The request builder handed to scripts; {@link ExchangeSession} sends it. */
final class RequestSpec implements RequestBuilder {
    private final ExchangeSession session;
    private final String method;
    private final String target;
    private final List<String> headers = new ArrayList<>(4);
    private byte[] body;
    private String contentType;
    private String name;
    private Duration timeout;

    RequestSpec(ExchangeSession session, String method, String target) {
        this.session = session;
        this.method = method;
        this.target = target;
    }

    @Override
    public RequestBuilder header(String headerName, String value) {
        headers.add(headerName);
        headers.add(value);
        return this;
    }

    @Override
    public RequestBuilder body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        this.contentType = "application/json";
        return this;
    }

    @Override
    public RequestBuilder body(byte[] bytes, String type) {
        this.body = bytes;
        this.contentType = type;
        return this;
    }

    @Override
    public RequestBuilder name(String statsName) {
        this.name = statsName;
        return this;
    }

    @Override
    public RequestBuilder timeout(Duration readTimeout) {
        this.timeout = readTimeout;
        return this;
    }

    @Override
    public Response send() {
        RecordedResponse r = session.exchange(this);
        r.record();
        return r;
    }

    @Override
    public CaughtResponse catchResponse() {
        return session.exchange(this);
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    List<String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    /** The statistics name: the one given, else the path without its query string. */
    String statsName() {
        if (name != null) {
            return name;
        }
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    Duration timeout() {
        return timeout;
    }
}
