package io.stampede.capacity;

/**
 * The first sign of the limit, at the lowest load it showed.
 *
 * @param load where it was seen
 * @param detail one sentence with the figures
 */
public record Symptom(SymptomKind kind, double load, String detail) {
}
