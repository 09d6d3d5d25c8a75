package io.stampede.html;

/**
 * Escaping for text that comes from the run: request names, errors, tracebacks and the host all
 * come from scenarios and servers, so none of it may become markup.
 */
final class Html {
    private Html() {
    }

    /** Text for an element's content or a quoted attribute value. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A section of the page with its heading; the title is ours, the body markup. */
    static String section(String id, String title, String body) {
        return "<section id=\"" + id + "\"><h2>" + escape(title) + "</h2>" + body + "</section>\n";
    }

    /** A short line of ours in place of an empty table ("No failures."). */
    static String note(String text) {
        return "<p class=\"note\">" + escape(text) + "</p>";
    }

    /** A pass or fail mark. */
    static String verdict(boolean passed) {
        return passed ? "<span class=\"pass\">PASS</span>" : "<span class=\"fail\">FAIL</span>";
    }

    /**
     * JSON text made safe inside {@code <script type="application/json">}: a {@code <} can only
     * stand inside a JSON string, where {@code \u003c} means the same, so no {@code </script>} or
     * {@code <!--} from a request name can end or confuse the block.
     */
    static String scriptJson(String json) {
        return json.replace("<", "\\u003c");
    }
}
