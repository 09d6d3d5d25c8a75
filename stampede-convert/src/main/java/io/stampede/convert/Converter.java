package io.stampede.convert;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code stampede convert}: a HAR recording to a scenario. Keeps the requests to the recorded host
 * (and the hosts asked for), leaves static assets out, groups what is left into steps, and writes
 * them with {@link ScenarioWriter}.
 */
public final class Converter {
    private Converter() {
    }

    public static Conversion convert(Path har, ConvertOptions options) throws HarException {
        if (!JavaNames.isClassName(options.className())) {
            throw new HarException(options.className() + " is not a Java class name: name the output file like ShopUser.java");
        }
        Recording recording = HarReader.read(har);
        List<Exchange> http = recording.exchanges().stream()
                .filter(x -> x.url().getScheme() != null && x.url().getScheme().toLowerCase().startsWith("http"))
                .filter(x -> x.url().getHost() != null).toList();
        if (http.isEmpty()) {
            throw new HarException(har + " holds no HTTP requests to convert");
        }
        List<Exchange> candidates = options.includeStatic() ? http : http.stream().filter(x -> !StaticAssets.is(x)).toList();
        int leftOutStatic = http.size() - candidates.size();
        String host = options.host() != null ? Origins.of(URI.create(options.host())) : Origins.main(candidates);
        if (host == null) {
            throw new HarException(har + " holds only static assets (" + leftOutStatic + "): --include-static converts them");
        }
        List<Exchange> kept = new ArrayList<>();
        Map<String, Integer> otherHosts = new TreeMap<>();
        for (Exchange x : candidates) {
            if (options.allHosts() || x.origin().equals(host) || Origins.named(x.url(), options.includeHosts())) {
                kept.add(x);
            } else {
                otherHosts.merge(x.origin(), 1, Integer::sum);
            }
        }
        if (kept.isEmpty()) {
            throw new HarException(har + " has no requests to " + host + " (it has some to " + String.join(", ",
                    otherHosts.keySet()) + ")");
        }
        List<Step> steps = Steps.of(kept, recording.pageTitles(), options.stepGapMillis());
        Secrets secrets = Secrets.find(kept, Secrets.upperSnake(options.className()));
        String source = new ScenarioWriter(options.className(), host, har.getFileName().toString(), recording.creator(),
                steps, secrets, leftOutStatic, otherHosts).write();
        int replaced = kept.stream().mapToInt(x -> secrets.usedBy(x).size()).sum();
        return new Conversion(source, host, kept.size(), steps.size(), leftOutStatic, otherHosts, replaced);
    }
}
