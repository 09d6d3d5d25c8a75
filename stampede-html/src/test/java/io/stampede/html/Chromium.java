package io.stampede.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium, when the machine has it: opens a report file with no network features at all
 * and screenshots it, proving the page renders from the file alone.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Screenshots {@code page} (1280 px wide) into {@code png}; throws when Chromium fails or takes over 60 s. */
    static void screenshot(Path page, Path png, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280," + height));
    }

    /** The page's DOM after its scripts ran: what uPlot built shows there. */
    static String dom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom", "--window-size=1280,2000"));
    }

    /**
     * What went wrong while the page's scripts ran: errors it printed on the console, and every
     * network request it made (read from Chromium's net log; host names resolve nowhere, so nothing
     * leaves the machine). Chromium's own update and account checks are not the page's and are left out.
     */
    static List<String> consoleProblems(Path page) throws IOException, InterruptedException {
        Path netLog = Files.createTempFile("stampede-netlog", ".json");
        try {
            String[] log = {""};
            run(page, List.of("--dump-dom", "--window-size=1280,2000", "--enable-logging=stderr", "--v=0",
                    "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=" + netLog.toAbsolutePath()), log);
            List<String> problems = new java.util.ArrayList<>(log[0].lines()
                    .filter(l -> l.contains(":CONSOLE") && (l.contains("Uncaught") || l.contains("Error"))).toList());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"url\":\"(https?://([^/\":]+)[^\"]*)\"")
                    .matcher(Files.readString(netLog));
            while (m.find()) {
                String host = m.group(2);
                boolean chromiumsOwn = host.endsWith("google.com") || host.endsWith("googleapis.com")
                        || host.endsWith("gstatic.com") || host.endsWith("gvt1.com");
                if (!chromiumsOwn) {
                    problems.add("network request: " + m.group(1));
                }
            }
            return problems;
        } finally {
            Files.deleteIfExists(netLog);
        }
    }

    private static String run(Path page, List<String> action) throws IOException, InterruptedException {
        return run(page, action, new String[1]);
    }

    /** Runs Chromium on {@code page} with a fresh profile; returns what it printed on standard output. */
    private static String run(Path page, List<String> action, String[] stderr) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("stampede-chromium");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile.resolve("profile")));
            command.addAll(action);
            command.add(page.toAbsolutePath().toUri().toString());
            Path out = profile.resolve("stdout");
            Path err = profile.resolve("stderr");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Chromium took over 60 s on " + page);
            }
            if (p.exitValue() != 0) {
                throw new IOException("Chromium exited with " + p.exitValue() + ": " + Files.readString(err));
            }
            stderr[0] = Files.readString(err);
            return Files.readString(out);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
