package io.stampede.html;

import java.util.List;

/** A table: {@link #row} escapes its cells, {@link #markupRow} takes cells this package built as markup. */
final class HtmlTable {
    private final StringBuilder b = new StringBuilder();
    private final int numericFrom;

    /** @param numericFrom the first column that holds numbers (right-aligned); the ones before hold text */
    HtmlTable(List<String> headers, int numericFrom) {
        this.numericFrom = numericFrom;
        b.append("<div class=\"table\"><table><thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            b.append(open("th", i)).append(Html.escape(headers.get(i))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
    }

    private String open(String tag, int column) {
        return column >= numericFrom ? "<" + tag + " class=\"num\">" : "<" + tag + ">";
    }

    /** A row of plain text (from the run): every cell escaped. */
    HtmlTable row(List<String> text) {
        return markupRow(text.stream().map(Html::escape).toList(), null);
    }

    /** A row of markup cells, with a class on the row ("total", "failed") unless null. */
    HtmlTable markupRow(List<String> markup, String cssClass) {
        b.append(cssClass == null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
        for (int i = 0; i < markup.size(); i++) {
            b.append(open("td", i)).append(markup.get(i)).append("</td>");
        }
        b.append("</tr>");
        return this;
    }

    String render() {
        return b + "</tbody></table></div>";
    }
}
