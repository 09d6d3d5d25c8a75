package io.stampede.cluster;

/**
 * Where a master listens and whom it admits.
 *
 * @param bindHost the address to listen on ("0.0.0.0" for every interface)
 * @param port 0 for any free port ({@link MasterController#port()} says which)
 * @param token the shared secret every worker must present
 * @param stampedeVersion this build's version: a worker of another version is refused
 * @param tls null for plaintext
 */
public record MasterSettings(String bindHost, int port, String token, String stampedeVersion, TlsFiles tls) {
}
