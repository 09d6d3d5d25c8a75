package io.stampede.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

/**
 * The terminal a person runs Stampede from: whether there is one, and single-key input while a run
 * is on (no Enter needed, no echo), put back as it was afterwards.
 */
final class Terminal {
    private Terminal() {
    }

    /** True when standard input and output are a terminal; false in CI, pipes and redirects. */
    static boolean isInteractive() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        // Since JDK 22 System.console() exists without a terminal too; isTerminal() tells (absent on 21).
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * Puts the terminal into single-key mode and returns what puts it back; a no-op where stty
     * is missing or fails (keys then need Enter, which still works).
     */
    static Runnable singleKeyMode() {
        String saved = stty("-g");
        if (saved == null || stty("-icanon", "-echo", "min", "1") == null) {
            return () -> { };
        }
        return () -> stty(saved.trim());
    }

    private static String stty(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
