package io.stampede.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a written report back: its embedded data block, as a reader of the file would. */
final class ReportFile {
    private static final String OPEN = "<script type=\"application/json\" id=\"report-data\">";

    private ReportFile() {
    }

    static String dataBlock(String html) {
        int from = html.indexOf(OPEN);
        if (from < 0) {
            throw new AssertionError("the report has no data block");
        }
        from += OPEN.length();
        // the block ends at the first "</script" (any case), as it does for the browser's parser
        int to = html.toLowerCase(java.util.Locale.ROOT).indexOf("</script", from);
        return html.substring(from, to);
    }

    static JsonNode data(String html) throws Exception {
        return new ObjectMapper().readTree(dataBlock(html));
    }

    /** The row of one (method, name) in the data's statistics; method "" for Aggregated. */
    static JsonNode statsRow(JsonNode data, String method, String name) {
        for (JsonNode row : data.get("stats")) {
            if (row.get("method").asText().equals(method) && row.get("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row " + method + " " + name);
    }
}
