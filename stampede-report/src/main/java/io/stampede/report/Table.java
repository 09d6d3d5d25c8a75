package io.stampede.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table whose columns fit their widest cell; the first {@code left} columns align left. */
final class Table {
    private final List<String> header;
    private final int left;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header, int left) {
        this.header = header;
        this.left = left;
    }

    Table row(List<String> cells) {
        rows.add(cells);
        return this;
    }

    /** A separator line before the next row. */
    Table rule() {
        rows.add(null);
        return this;
    }

    String render() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            if (r != null) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = Math.max(w[i], r.get(i).length());
                }
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, w);
        String rule = ruleLine(w);
        b.append(rule);
        for (List<String> r : rows) {
            if (r == null) {
                b.append(rule);
            } else {
                line(b, r, w);
            }
        }
        return b.toString();
    }

    private void line(StringBuilder b, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            String pad = " ".repeat(w[i] - c.length());
            b.append(i < left ? c + pad : pad + c);
            b.append(i == w.length - 1 ? "" : "  ");
        }
        b.append(System.lineSeparator());
    }

    private static String ruleLine(int[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            b.append("-".repeat(w[i])).append(i == w.length - 1 ? "" : "--");
        }
        return b.append(System.lineSeparator()).toString();
    }
}
