package io.stampede.core.spec;

import java.util.Set;

/**
 * Locust's --tags / --exclude-tags: with include tags, only tasks carrying one of them run (a task
 * set carrying one includes all its tasks); excluded tags remove tasks wherever they are.
 */
public record TagFilter(Set<String> include, Set<String> exclude) {
    public static final TagFilter NONE = new TagFilter(Set.of(), Set.of());

    public TagFilter {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
    }

    boolean excluded(Set<String> tags) {
        return tags.stream().anyMatch(exclude::contains);
    }

    boolean included(Set<String> tags) {
        return include.isEmpty() || tags.stream().anyMatch(include::contains);
    }
}
