package io.stampede.demo.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * A HAR 1.2 file made from what Chromium itself reported over its DevTools protocol, the way the
 * DevTools "Export HAR" does it: chromedriver's performance log hands over the Network domain's events
 * (requestWillBeSent, its ExtraInfo with the headers actually sent, responseReceived and its
 * ExtraInfo, loadingFinished), the response bodies come from Network.getResponseBody, and each
 * document load starts a page. Only what the events say goes into the file; nothing is made up.
 */
final class ChromiumHar {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the events tell it, keyed by the protocol's requestId. */
    private static final class Seen {
        JsonNode sent;
        JsonNode sentHeaders;
        JsonNode received;
        JsonNode receivedHeaders;
        double receivedAt = -1;
        /** When the body had arrived; a response without a body (a 204 to a beacon) may never say so. */
        double finishedAt = -1;
        String pageRef;
    }

    private ChromiumHar() {
    }

    /** The HAR of everything the browser did since the performance log was last read. */
    static ObjectNode from(ChromeDriver chrome) throws Exception {
        Map<String, Seen> requests = new LinkedHashMap<>();
        ObjectNode har = JSON.createObjectNode();
        ObjectNode log = har.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "Chromium " + chrome.getCapabilities().getBrowserVersion()
                + " (DevTools protocol events)").put("version", chrome.getCapabilities().getBrowserVersion());
        ArrayNode pages = log.putArray("pages");
        String page = null;
        for (LogEntry e : chrome.manage().logs().get("performance")) {
            JsonNode message = JSON.readTree(e.getMessage()).path("message");
            JsonNode p = message.path("params");
            String id = p.path("requestId").asText(null);
            if (id == null) {
                continue;
            }
            Seen s = requests.computeIfAbsent(id, k -> new Seen());
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> {
                    if ("Document".equals(p.path("type").asText()) && id.equals(p.path("loaderId").asText())) {
                        page = "page_" + (pages.size() + 1);
                        pages.addObject().put("startedDateTime", iso(p.path("wallTime").asDouble())).put("id", page)
                                .put("title", p.path("request").path("url").asText()).putObject("pageTimings");
                    }
                    s.sent = p;
                    s.pageRef = page;
                }
                case "Network.requestWillBeSentExtraInfo" -> s.sentHeaders = p.path("headers");
                case "Network.responseReceived" -> {
                    s.received = p;
                    s.receivedAt = p.path("timestamp").asDouble();
                }
                case "Network.responseReceivedExtraInfo" -> s.receivedHeaders = p.path("headers");
                case "Network.loadingFinished" -> s.finishedAt = p.path("timestamp").asDouble();
                default -> { }
            }
        }
        ArrayNode entries = log.putArray("entries");
        for (Map.Entry<String, Seen> r : requests.entrySet()) {
            Seen s = r.getValue();
            if (s.sent != null && s.received != null) {
                entries.add(entry(chrome, r.getKey(), s));
            }
        }
        return har;
    }

    private static ObjectNode entry(ChromeDriver chrome, String id, Seen s) {
        JsonNode request = s.sent.path("request");
        JsonNode response = s.received.path("response");
        double started = s.sent.path("timestamp").asDouble();
        double total = Math.max(0, ((s.finishedAt >= 0 ? s.finishedAt : s.receivedAt) - started) * 1000);
        ObjectNode e = JSON.createObjectNode();
        if (s.pageRef != null) {
            e.put("pageref", s.pageRef);
        }
        e.put("startedDateTime", iso(s.sent.path("wallTime").asDouble())).put("time", total);
        ObjectNode req = e.putObject("request");
        req.put("method", request.path("method").asText()).put("url", request.path("url").asText())
                .put("httpVersion", response.path("protocol").asText("http/1.1"));
        req.set("headers", headers(s.sentHeaders != null ? s.sentHeaders : request.path("headers")));
        req.set("queryString", JSON.createArrayNode());
        req.set("cookies", JSON.createArrayNode());
        req.put("headersSize", -1).put("bodySize", -1);
        String post = postData(chrome, id, request);
        if (post != null) {
            req.putObject("postData").put("mimeType", header(request.path("headers"), "content-type", "")).put("text", post);
        }
        ObjectNode res = e.putObject("response");
        res.put("status", response.path("status").asInt()).put("statusText", response.path("statusText").asText(""))
                .put("httpVersion", response.path("protocol").asText("http/1.1"));
        res.set("headers", headers(s.receivedHeaders != null ? s.receivedHeaders : response.path("headers")));
        res.set("cookies", JSON.createArrayNode());
        ObjectNode content = res.putObject("content").put("size", -1).put("mimeType", response.path("mimeType").asText(""));
        body(chrome, id, s.received.path("type").asText(), content);
        res.put("redirectURL", "").put("headersSize", -1).put("bodySize", -1);
        e.putObject("cache");
        e.set("timings", timings(response.path("timing"), total));
        e.put("_resourceType", s.received.path("type").asText("other").toLowerCase(Locale.ROOT));
        return e;
    }

    /** The posted text: inline in the event when small, else asked for, as DevTools does. */
    private static String postData(ChromeDriver chrome, String id, JsonNode request) {
        if (request.hasNonNull("postData")) {
            return request.get("postData").asText();
        }
        if (request.path("postDataEntries").isArray() && !request.path("postDataEntries").isEmpty()) {
            StringBuilder b = new StringBuilder();
            request.path("postDataEntries").forEach(p -> b.append(new String(Base64.getDecoder().decode(p.path("bytes").asText("")),
                    java.nio.charset.StandardCharsets.UTF_8)));
            return b.toString();
        }
        if (request.path("hasPostData").asBoolean(false)) {
            Map<String, Object> r = chrome.executeCdpCommand("Network.getRequestPostData", Map.of("requestId", id));
            return (String) r.get("postData");
        }
        return null;
    }

    /** The response body of documents, scripts, styles and API calls (not of images: a HAR may leave those out). */
    private static void body(ChromeDriver chrome, String id, String type, ObjectNode content) {
        if (type.equals("Image") || type.equals("Font") || type.equals("Media")) {
            return;
        }
        try {
            Map<String, Object> r = chrome.executeCdpCommand("Network.getResponseBody", Map.of("requestId", id));
            content.put("text", (String) r.get("body"));
            if (Boolean.TRUE.equals(r.get("base64Encoded"))) {
                content.put("encoding", "base64");
            }
        } catch (RuntimeException gone) {
            // a body the browser no longer holds (or a 204) is left out, as DevTools leaves it out
        }
    }

    private static ArrayNode headers(JsonNode headers) {
        ArrayNode out = JSON.createArrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            // the protocol joins repeated headers (Set-Cookie) with a newline; HAR lists each one
            for (String value : h.getValue().asText().split("\n")) {
                out.addObject().put("name", h.getKey()).put("value", value);
            }
        }
        return out;
    }

    private static String header(JsonNode headers, String name, String otherwise) {
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue().asText();
            }
        }
        return otherwise;
    }

    /** HAR's phases from the protocol's ResourceTiming (milliseconds from requestTime), as DevTools computes them. */
    private static ObjectNode timings(JsonNode t, double total) {
        ObjectNode out = JSON.createObjectNode();
        if (t.isMissingNode()) {
            return out.put("send", 0).put("wait", total).put("receive", 0);
        }
        double dns = span(t, "dnsStart", "dnsEnd");
        double connect = span(t, "connectStart", "connectEnd");
        double send = Math.max(0, t.path("sendEnd").asDouble() - t.path("sendStart").asDouble());
        double wait = Math.max(0, t.path("receiveHeadersEnd").asDouble() - t.path("sendEnd").asDouble());
        double blocked = Math.max(0, t.path("sendStart").asDouble() - Math.max(0, dns) - Math.max(0, connect));
        double receive = Math.max(0, total - t.path("receiveHeadersEnd").asDouble());
        return out.put("blocked", blocked).put("dns", dns).put("connect", connect).put("send", send).put("wait", wait)
                .put("receive", receive).put("ssl", span(t, "sslStart", "sslEnd"));
    }

    private static double span(JsonNode t, String start, String end) {
        double s = t.path(start).asDouble(-1);
        return s < 0 ? -1 : t.path(end).asDouble() - s;
    }

    private static String iso(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000)).toString();
    }

    static List<JsonNode> entries(ObjectNode har) {
        List<JsonNode> out = new ArrayList<>();
        har.path("log").path("entries").forEach(out::add);
        return out;
    }
}
