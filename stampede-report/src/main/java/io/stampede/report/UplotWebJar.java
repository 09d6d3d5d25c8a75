package io.stampede.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where uPlot, the chart library of the web UI and the HTML report, lies in its WebJar: the version
 * is read from the WebJar's own Maven metadata, so the pom names it once.
 */
public final class UplotWebJar {
    private static final String POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private UplotWebJar() {
    }

    /** The resource folder of uPlot's built files, e.g. "/META-INF/resources/webjars/uplot/1.6.30/dist/". */
    public static String dist() {
        return "/META-INF/resources/webjars/uplot/" + version() + "/dist/";
    }

    public static String version() {
        try (InputStream in = UplotWebJar.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("uPlot's WebJar is not on the class path (" + POM + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
