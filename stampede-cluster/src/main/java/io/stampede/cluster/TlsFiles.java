package io.stampede.cluster;

import java.nio.file.Path;

/**
 * The master's TLS identity, as PEM files: its certificate chain and its PKCS#8 private key. Workers
 * trust it through a PEM file of the certificate (or of the authority that signed it).
 */
public record TlsFiles(Path certificateChain, Path privateKey) {
}
