package io.stampede.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stampede command running in a thread of this JVM (a master, a worker), its output readable while
 * it runs. A platform thread each: the common pool may have a single thread on a 2-core machine, and a
 * master waits for workers that must run beside it.
 */
record RunningCommand(CompletableFuture<Integer> exit, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    private static final Pattern LISTENING = Pattern.compile("master listening on [^\\s:]+:(\\d+)");

    static RunningCommand start(String... args) {
        return startAs("t", args);
    }

    /** With {@code HOSTNAME} set to {@code node}, which names a worker. */
    static RunningCommand startAs(String node, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessContext context = new ProcessContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("HOSTNAME", node));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> exit.complete(new Main().execute(args, context)));
        return new RunningCommand(exit, out, err);
    }

    String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    int exitWithin(int seconds) throws Exception {
        try {
            return exit.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + seconds + " s; it said: " + errText(), e);
        }
    }

    /** The port a --master with --master-bind-port 0 says it listens on. */
    int masterPort() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(errText());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the master did not say where it listens: " + errText());
    }
}
