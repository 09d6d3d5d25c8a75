package io.stampede.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Everything the CLI takes from the process (streams, environment), passed in so the whole
 * command can be run and tested in-process.
 */
record ProcessContext(PrintStream out, PrintStream err, Map<String, String> env) {
    static ProcessContext system() {
        return new ProcessContext(System.out, System.err, System.getenv());
    }

    String nodeName() {
        return env.getOrDefault("HOSTNAME", "local");
    }
}
