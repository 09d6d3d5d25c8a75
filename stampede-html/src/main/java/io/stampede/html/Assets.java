package io.stampede.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The files every report inlines, read once from this jar and uPlot's WebJar: a report must open
 * offline, years later, so it carries its chart library instead of linking to it.
 */
final class Assets {
    private static final String OWN = "/io/stampede/html/";

    static final Assets INSTANCE = load();

    final String page;
    final String reportCss;
    final String reportJs;
    final String uplotCss;
    final String uplotJs;

    private Assets(String page, String reportCss, String reportJs, String uplotCss, String uplotJs) {
        this.page = page;
        this.reportCss = reportCss;
        this.reportJs = reportJs;
        this.uplotCss = uplotCss;
        this.uplotJs = uplotJs;
    }

    private static Assets load() {
        String version = io.stampede.report.UplotWebJar.version();
        String dist = "/META-INF/resources/webjars/uplot/" + version + "/dist/";
        String license = read("/META-INF/resources/webjars/uplot/" + version + "/LICENSE");
        return new Assets(read(OWN + "page.html"), inline(read(OWN + "report.css"), "style"),
                inline(read(OWN + "report.js"), "script"), inline(read(dist + "uPlot.min.css"), "style"),
                inline(uplotJs(read(dist + "uPlot.iife.min.js"), version, license), "script"));
    }

    /**
     * uPlot's own banner is its project's web address, the one URL the file would hold that the run
     * did not put there; it gives way to the name, version and MIT licence, which must travel with
     * every copy.
     */
    static String uplotJs(String js, String version, String license) {
        String body = js.startsWith("/*!") ? js.substring(js.indexOf("*/") + 2).stripLeading() : js;
        return "/*! uPlot " + version + " (inlined from its WebJar)\n" + license.replace("*/", "* /").strip() + "\n*/\n" + body;
    }

    /** A file put inside a {@code <script>} or {@code <style>} element must not close it early. */
    private static String inline(String text, String element) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</" + element) || lower.contains("<!--")) {
            throw new IllegalStateException("cannot inline a file that holds </" + element + " or <!--");
        }
        return text;
    }


    private static String read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the report's file " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
