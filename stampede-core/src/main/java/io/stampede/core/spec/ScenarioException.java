package io.stampede.core.spec;

import java.util.List;

/** A scenario that cannot run, with every problem found (not just the first). */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
