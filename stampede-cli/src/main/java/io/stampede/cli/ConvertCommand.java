package io.stampede.cli;

import io.stampede.convert.Conversion;
import io.stampede.convert.ConvertOptions;
import io.stampede.convert.Converter;
import io.stampede.convert.HarException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stampede convert recording.har -o ShopUser.java}: a browser's recording as a scenario. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Turn a HAR recording (a browser's developer tools export it) into a scenario.%n"
                + "Example: stampede convert recording.har -o ShopUser.java")
final class ConvertCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "HAR", description = "The recording: a HAR 1.2 file.")
    Path har;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.java", required = true,
            description = "The scenario to write; its name is the user class's name.")
    Path output;

    @Option(names = "--include-static", description = "Keep images, style sheets, scripts, fonts and the favicon.")
    boolean includeStatic;

    @Option(names = "--include-host", paramLabel = "HOST", description = "Keep the requests to this host too"
            + " (an origin, host:port or a host name); repeatable.")
    List<String> includeHosts = new ArrayList<>();

    @Option(names = "--all-hosts", description = "Keep the requests to every host.")
    boolean allHosts;

    @Option(names = "--host", paramLabel = "URL", description = "The recorded host to write as the default"
            + " (default: the one most requests went to).")
    String host;

    @Option(names = "--step-gap", paramLabel = "TIME", defaultValue = "1s",
            description = "A pause longer than this within a page starts a new step (default: ${DEFAULT-VALUE}).")
    String stepGap;

    @Override
    public Integer call() throws Exception {
        ProcessContext p = main.process();
        String file = output.getFileName().toString();
        if (!file.endsWith(".java")) {
            throw new UserError(ExitCodes.USAGE, "-o must name a .java file (its name is the class's), was " + output);
        }
        if (host != null && !host.matches("(?i)https?://[^/\\s]+/?")) {
            throw new UserError(ExitCodes.USAGE, "--host must be an http:// or https:// URL with a host, was " + host);
        }
        long gap = RunConfig.duration("--step-gap", stepGap).toMillis();
        ConvertOptions options = new ConvertOptions(file.substring(0, file.length() - ".java".length()), includeStatic,
                Set.copyOf(includeHosts), allHosts, host, gap);
        Conversion c;
        try {
            c = Converter.convert(har, options);
        } catch (HarException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
        Path target = Outputs.withParent(output.toString());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, c.source(), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        p.err().println("stampede: wrote " + target + ": " + summary(c));
        return ExitCodes.OK;
    }

    static String summary(Conversion c) {
        StringBuilder b = new StringBuilder().append(c.requests()).append(c.requests() == 1 ? " request" : " requests")
                .append(" to ").append(c.host()).append(" in ").append(c.steps()).append(c.steps() == 1 ? " step" : " steps");
        List<String> left = new ArrayList<>();
        if (c.leftOutStatic() > 0) {
            left.add(c.leftOutStatic() + " static assets");
        }
        int others = c.leftOutHosts().values().stream().mapToInt(Integer::intValue).sum();
        if (others > 0) {
            left.add(others + " to other hosts (" + String.join(", ", c.leftOutHosts().keySet()) + ")");
        }
        if (!left.isEmpty()) {
            b.append("; left out ").append(String.join(", ", left));
        }
        if (c.secrets() > 0) {
            b.append("; ").append(c.secrets()).append(c.secrets() == 1 ? " secret" : " secrets").append(" replaced by variables");
        }
        return b.toString();
    }
}
