package io.stampede.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which process writes a run, as {@code pid@host}: lets a later process on the same host tell at
 * once that the writer of a "running" run is gone, without waiting for its heartbeat to go stale.
 */
record WriterId(long pid, String host) {
    private static final WriterId CURRENT = new WriterId(ProcessHandle.current().pid(), localHost());

    static WriterId current() {
        return CURRENT;
    }

    /** The parsed column; null when it is not {@code pid@host} (then only the heartbeat tells). */
    static WriterId parse(String column) {
        int at = column.indexOf('@');
        if (at <= 0) {
            return null;
        }
        try {
            return new WriterId(Long.parseLong(column.substring(0, at)), column.substring(at + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether this is a process on this host that no longer exists. */
    boolean goneFromThisHost() {
        return host.equals(CURRENT.host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @Override
    public String toString() {
        return pid + "@" + host;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
