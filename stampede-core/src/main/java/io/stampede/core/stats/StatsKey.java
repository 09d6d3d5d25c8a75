package io.stampede.core.stats;

/** What statistics are grouped by: the request method and its name (the path or the script's name). */
public record StatsKey(String method, String name) implements Comparable<StatsKey> {
    @Override
    public int compareTo(StatsKey o) {
        int byName = name.compareTo(o.name);
        return byName != 0 ? byName : method.compareTo(o.method);
    }
}
