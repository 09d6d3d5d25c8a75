package io.stampede.cli;

/** The version printed by --version and sent in the User-Agent. */
final class Version {
    static final String VERSION = "0.1.0";

    private Version() {
    }
}
