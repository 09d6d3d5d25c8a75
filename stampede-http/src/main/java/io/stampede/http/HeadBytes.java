package io.stampede.http;

import java.nio.charset.StandardCharsets;

/**
 * A response's header block kept as bytes and searched only when a script asks for a header, so
 * the common case (nobody asks) costs one array copy and no strings.
 */
final class HeadBytes implements RawResponse.HeaderLookup {
    private final byte[] head;

    HeadBytes(byte[] head) {
        this.head = head;
    }

    @Override
    public String get(String name) {
        int n = name.length();
        int lineStart = 0;
        while (lineStart < head.length) {
            int lineEnd = lineStart;
            while (lineEnd < head.length && head[lineEnd] != '\n') {
                lineEnd++;
            }
            if (lineEnd - lineStart > n && head[lineStart + n] == ':' && matches(lineStart, name)) {
                int from = lineStart + n + 1;
                int to = lineEnd;
                while (from < to && (head[from] == ' ' || head[from] == '\t')) {
                    from++;
                }
                while (to > from && (head[to - 1] == '\r' || head[to - 1] == ' ')) {
                    to--;
                }
                return new String(head, from, to - from, StandardCharsets.ISO_8859_1);
            }
            lineStart = lineEnd + 1;
        }
        return null;
    }

    private boolean matches(int at, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.toLowerCase((char) head[at + i]) != Character.toLowerCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
