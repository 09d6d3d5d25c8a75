package io.stampede.cli;

import picocli.CommandLine.Option;

/** Locust's distributed flags (one master, many workers), and the cluster's token and TLS. */
final class ClusterOptions {
    static final int DEFAULT_PORT = 5557;
    static final String TOKEN_VARIABLE = "STAMPEDE_CLUSTER_TOKEN";

    @Option(names = "--master", description = "Run as the master: spread the users over workers, merge their statistics.")
    boolean master;

    @Option(names = "--worker", description = "Run as a worker of the master at --master-host: no -f or -H needed.")
    boolean worker;

    @Option(names = "--expect-workers", paramLabel = "N", defaultValue = "1",
            description = "Master: wait for N workers before the run starts (default ${DEFAULT-VALUE}).")
    int expectWorkers;

    @Option(names = "--expect-workers-max-wait", paramLabel = "TIME", defaultValue = "0s",
            description = "Master: how long to wait for them; 0s: without a limit (default ${DEFAULT-VALUE}).")
    String expectWorkersMaxWait;

    @Option(names = "--master-bind-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
            description = "Master: the address workers connect to (default ${DEFAULT-VALUE}: every interface).")
    String masterBindHost;

    @Option(names = "--master-bind-port", paramLabel = "PORT", defaultValue = "5557",
            description = "Master: its port (default ${DEFAULT-VALUE}; 0: any free port).")
    int masterBindPort;

    @Option(names = "--master-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Worker: the master's address (default ${DEFAULT-VALUE}).")
    String masterHost;

    @Option(names = "--master-port", paramLabel = "PORT", defaultValue = "5557",
            description = "Worker: the master's port (default ${DEFAULT-VALUE}).")
    int masterPort;

    @Option(names = "--cluster-token", paramLabel = "TOKEN",
            description = "The secret master and workers share (or the environment variable STAMPEDE_CLUSTER_TOKEN).")
    String clusterToken;

    @Option(names = "--capacity", paramLabel = "N", defaultValue = "0",
            description = "Worker: its weight when users are split (default: its number of cores).")
    int capacity;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Master: TLS on its port with this certificate chain.")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Master: the PKCS#8 private key of --tls-cert.")
    String tlsKey;

    @Option(names = "--tls-trust", paramLabel = "PEM", description = "Worker: TLS to the master, trusting this certificate.")
    String tlsTrust;

    /** The token from the flag or the environment; one is required, so a cluster port is never open to anyone. */
    String token(ProcessContext process) throws UserError {
        String t = clusterToken != null ? clusterToken : process.env().get(TOKEN_VARIABLE);
        if (t == null || t.isBlank()) {
            throw new UserError(ExitCodes.USAGE, (master ? "--master" : "--worker")
                    + " needs a shared secret: --cluster-token TOKEN or " + TOKEN_VARIABLE);
        }
        return t;
    }
}
