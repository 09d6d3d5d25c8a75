package io.stampede.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Everything the CLI takes from the process (streams, environment, whether a person is at a
 * terminal), passed in so the whole command can be run and tested in-process.
 *
 * @param in standard input; read only when {@code terminal} (the run's keys)
 * @param terminal whether standard input is a terminal a person types at
 */
record ProcessContext(PrintStream out, PrintStream err, Map<String, String> env, InputStream in, boolean terminal) {
    /** Without a terminal: standard input is never read. */
    ProcessContext(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, InputStream.nullInputStream(), false);
    }

    static ProcessContext system() {
        return new ProcessContext(System.out, System.err, System.getenv(), System.in, Terminal.isInteractive());
    }

    String nodeName() {
        return env.getOrDefault("HOSTNAME", "local");
    }
}
