package io.stampede.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fixed-width text table: columns as wide as their widest cell, numbers aligned right and the
 * columns named in {@code left} (words) aligned left.
 */
final class TextTable {
    private final List<String> header;
    private final Set<Integer> left;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header, Set<Integer> left) {
        this.header = List.copyOf(header);
        this.left = Set.copyOf(left);
    }

    void row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(cells.size() + " cells in a row of " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    String render() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, w);
        List<String> rule = new ArrayList<>();
        for (int width : w) {
            rule.add("-".repeat(width));
        }
        line(b, rule, w);
        rows.forEach(r -> line(b, r, w));
        return b.toString();
    }

    private void line(StringBuilder b, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String pad = " ".repeat(w[i] - cells.get(i).length());
            l.append(left.contains(i) ? cells.get(i) + pad : pad + cells.get(i));
            l.append(i == w.length - 1 ? "" : "  ");
        }
        b.append(l.toString().stripTrailing()).append(System.lineSeparator());
    }
}
