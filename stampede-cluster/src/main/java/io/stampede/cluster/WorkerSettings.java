package io.stampede.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a worker finds its master and how it presents itself.
 *
 * @param node the name it asks for (the master makes names unique)
 * @param capacity its weight when users are split; 0 for its number of cores
 * @param trustedCertificate a PEM file the master's certificate must chain to; null for plaintext
 * @param connectWithin how long to keep trying while the master is not up yet
 */
public record WorkerSettings(String masterHost, int masterPort, String token, String node, int capacity,
                             String stampedeVersion, Path trustedCertificate, Duration connectWithin) {
    public int effectiveCapacity() {
        return capacity > 0 ? capacity : Runtime.getRuntime().availableProcessors();
    }
}
