package io.stampede.convert;

import java.util.Locale;
import java.util.Set;

/**
 * What a browser fetches to draw a page (images, style sheets, scripts, fonts, the favicon) rather
 * than what the application asks of its server. Left out by default: a load test of an API is about
 * its endpoints, and a CDN or the browser cache serves these in real life (Gatling's recorder and
 * k6's converter offer the same filter).
 */
final class StaticAssets {
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp",
            "css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "wav");
    private static final Set<String> RESOURCE_TYPES = Set.of("image", "stylesheet", "script", "font", "media", "manifest");

    private StaticAssets() {
    }

    static boolean is(Exchange x) {
        if (x.resourceType() != null && RESOURCE_TYPES.contains(x.resourceType().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String path = x.url().getPath() == null ? "" : x.url().getPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/') && EXTENSIONS.contains(path.substring(dot + 1))) {
            return true;
        }
        String mime = x.responseMime() == null ? "" : x.responseMime().toLowerCase(Locale.ROOT);
        return mime.startsWith("image/") || mime.startsWith("font/") || mime.startsWith("text/css")
                || mime.contains("javascript") || mime.startsWith("video/") || mime.startsWith("audio/");
    }
}
