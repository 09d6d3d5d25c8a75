package io.stampede.convert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a HAR 1.2 file (what browsers' developer tools export) into a {@link Recording}. */
public final class HarReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HarReader() {
    }

    public static Recording read(Path file) throws HarException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new HarException(file + ": no such file");
        } catch (JacksonException e) {
            throw new HarException(file + " is not a HAR file (not JSON: " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new HarException(file + " cannot be read: " + e.getMessage());
        }
        JsonNode log = root == null ? null : root.get("log");
        if (log == null || !log.path("entries").isArray()) {
            throw new HarException(file + " is not a HAR file (no log.entries)");
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (JsonNode page : log.path("pages")) {
            titles.put(page.path("id").asText(), page.path("title").asText(""));
        }
        List<Exchange> entries = new ArrayList<>();
        int n = 0;
        for (JsonNode e : log.path("entries")) {
            entries.add(entry(file, n++, e));
        }
        entries.sort(Comparator.comparingLong(Exchange::startMillis).thenComparingInt(Exchange::index));
        List<Exchange> ordered = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Exchange x = entries.get(i);
            ordered.add(new Exchange(i, x.pageRef(), x.startMillis(), x.endMillis(), x.method(), x.url(), x.requestHeaders(),
                    x.requestBody(), x.requestMime(), x.status(), x.responseHeaders(), x.responseMime(), x.responseBody(),
                    x.resourceType()));
        }
        return new Recording(log.path("creator").path("name").asText("unknown"), ordered, titles);
    }

    private static Exchange entry(Path file, int n, JsonNode e) throws HarException {
        JsonNode request = e.path("request");
        JsonNode response = e.path("response");
        URI url;
        try {
            url = URI.create(request.path("url").asText());
        } catch (IllegalArgumentException bad) {
            throw new HarException(file + ": entry " + (n + 1) + " has a URL that cannot be parsed: " + request.path("url").asText());
        }
        long start;
        try {
            start = OffsetDateTime.parse(e.path("startedDateTime").asText()).toInstant().toEpochMilli();
        } catch (DateTimeParseException bad) {
            throw new HarException(file + ": entry " + (n + 1) + " has no valid startedDateTime");
        }
        long time = Math.max(0, Math.round(e.path("time").asDouble(0)));
        JsonNode post = request.path("postData");
        JsonNode content = response.path("content");
        String pageRef = e.hasNonNull("pageref") ? e.get("pageref").asText() : null;
        return new Exchange(n, pageRef, start, start + time, request.path("method").asText("GET").toUpperCase(),
                url, headers(request), postText(post), post.isMissingNode() ? null : post.path("mimeType").asText(null),
                response.path("status").asInt(0), headers(response), content.path("mimeType").asText(null),
                contentText(content), e.hasNonNull("_resourceType") ? e.get("_resourceType").asText() : null);
    }

    private static List<Header> headers(JsonNode message) {
        List<Header> out = new ArrayList<>();
        for (JsonNode h : message.path("headers")) {
            out.add(new Header(h.path("name").asText(), h.path("value").asText("")));
        }
        return out;
    }

    /** The posted text, or the form built from its params when an exporter gave only those. */
    private static String postText(JsonNode post) {
        if (post.isMissingNode()) {
            return null;
        }
        if (post.hasNonNull("text")) {
            return post.get("text").asText();
        }
        StringBuilder form = new StringBuilder();
        for (JsonNode p : post.path("params")) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(p.path("name").asText(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.path("value").asText(""), StandardCharsets.UTF_8));
        }
        return form.isEmpty() ? null : form.toString();
    }

    private static String contentText(JsonNode content) {
        if (!content.hasNonNull("text")) {
            return null;
        }
        String text = content.get("text").asText();
        if ("base64".equalsIgnoreCase(content.path("encoding").asText())) {
            try {
                return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return text;
    }
}
