package io.stampede.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns fit their widest cell: text aligned left, numbers right.
 * (stampede-report has its own, package-private; the store keeps no dependency on the report
 * module for forty lines.)
 */
final class TextTable {
    private final List<String> header;
    private final String align;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param align one letter per column: {@code l} for left, {@code r} for right ("llrr") */
    TextTable(List<String> header, String align) {
        if (align.length() != header.size() || !align.matches("[lr]*")) {
            throw new IllegalArgumentException("alignment '" + align + "' for " + header.size() + " columns");
        }
        this.header = List.copyOf(header);
        this.align = align;
    }

    TextTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(b, rule, width);
        for (List<String> r : rows) {
            line(b, r, width);
        }
        return b.toString();
    }

    private void line(StringBuilder b, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String pad = " ".repeat(width[i] - cells.get(i).length());
            l.append(align.charAt(i) == 'l' ? cells.get(i) + pad : pad + cells.get(i));
            if (i < width.length - 1) {
                l.append("  ");
            }
        }
        b.append(l.toString().stripTrailing()).append(System.lineSeparator());
    }
}
