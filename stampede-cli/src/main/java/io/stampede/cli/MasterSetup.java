package io.stampede.cli;

import io.stampede.cluster.ClusterScenario;
import io.stampede.cluster.HttpSettings;
import io.stampede.cluster.MasterController;
import io.stampede.cluster.MasterSettings;
import io.stampede.cluster.RunSettings;
import io.stampede.cluster.TlsFiles;
import io.stampede.core.run.EngineSettings;
import io.stampede.core.spec.TagFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --master}: the cluster's port, the scenario it ships, and waiting for --expect-workers. */
final class MasterSetup {
    private MasterSetup() {
    }

    static MasterController start(ClusterOptions cluster, ProcessContext process, ScenarioLoader.Loaded loaded,
                                  List<String> userClasses, RunOptions options, RunConfig config, EngineSettings engine)
            throws UserError {
        if (cluster.expectWorkers < 1) {
            throw new UserError(ExitCodes.USAGE, "--expect-workers must be 1 or more, was " + cluster.expectWorkers);
        }
        if ((cluster.tlsCert == null) != (cluster.tlsKey == null)) {
            throw new UserError(ExitCodes.USAGE, "--tls-cert and --tls-key go together");
        }
        TlsFiles tls = cluster.tlsCert == null ? null : new TlsFiles(Path.of(cluster.tlsCert), Path.of(cluster.tlsKey));
        MasterSettings settings = new MasterSettings(cluster.masterBindHost, cluster.masterBindPort, cluster.token(process),
                Version.VERSION, tls);
        long classBytes = loaded.classFiles().values().stream().mapToLong(b -> b.length).sum();
        ClusterScenario scenario = new ClusterScenario(loaded.classFiles(), Map.of(), userClasses,
                new TagFilter(Set.copyOf(options.tags), Set.copyOf(options.excludeTags)),
                ShippedClassPath.read(loaded.classPath(), classBytes), loaded.classPathClasses());
        HttpSettings http = new HttpSettings(config.host().toString(), config.connectTimeout(), config.timeout(),
                options.insecure, options.maxConnections, "stampede/" + Version.VERSION, options.http2);
        try {
            MasterController master = new MasterController(settings, scenario,
                    new RunSettings(engine.stopTimeout(), engine.seed(), http), line -> process.err().println("stampede: " + line));
            process.err().println("stampede: master listening on " + RunCommand.hostForUrl(cluster.masterBindHost) + ":"
                    + master.port() + (tls == null ? "" : " (TLS)") + ", waiting for " + cluster.expectWorkers + " worker"
                    + (cluster.expectWorkers == 1 ? "" : "s"));
            return master;
        } catch (IOException e) {
            throw new UserError(ExitCodes.USAGE, "--master: " + e.getMessage());
        }
    }

    /** Returns once --expect-workers have connected; after --expect-workers-max-wait, one line and exit 7. */
    static void awaitWorkers(ClusterOptions cluster, MasterController master, ProcessContext process) throws Exception {
        Duration wait = RunConfig.duration("--expect-workers-max-wait", cluster.expectWorkersMaxWait);
        Duration limit = wait.isZero() ? Duration.ofDays(365) : wait;
        if (!master.awaitWorkers(cluster.expectWorkers, limit)) {
            throw new UserError(ExitCodes.WORKERS_MISSING, "only " + master.workers().size() + " of "
                    + cluster.expectWorkers + " workers connected within " + cluster.expectWorkersMaxWait);
        }
        int n = master.workers().size();
        process.err().println("stampede: " + n + (n == 1 ? " worker" : " workers") + " connected: " + String.join(", ",
                master.workers().stream().map(w -> w.name() + " (" + w.address() + ", capacity " + w.capacity() + ")").toList()));
    }
}
