package io.stampede.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says before the run when the planned users cannot each have a connection: a process may open only
 * so many files (ulimit -n), and one source address has only so many local ports towards one
 * target. Without this, a big population fails request by request; with it, the user reads which
 * limit it is and what to do (share connections with --max-connections) before anything is sent.
 */
final class SystemLimits {
    /** Files the JVM itself, its jars, the outputs and the listening sockets may hold. */
    static final int RESERVED_FILES = 200;

    private SystemLimits() {
    }

    /**
     * @param users the most users the plan will run at once (0 if unknown, as with a load shape)
     * @param maxConnections --max-connections (0: one connection per user)
     */
    static void warnIfShort(int users, int maxConnections, PrintStream err) {
        int connections = maxConnections > 0 ? Math.min(users, maxConnections) : users;
        if (connections <= 0) {
            return;
        }
        long files = maxOpenFiles();
        if (files > 0 && connections + RESERVED_FILES > files) {
            err.println("stampede: " + connections + " connections need " + connections + " open files, but this process may open "
                    + files + " (ulimit -n); share connections with --max-connections " + suggest(files - RESERVED_FILES)
                    + " or raise the limit");
        }
        int ports = localPorts();
        if (ports > 0 && connections > ports) {
            err.println("stampede: " + connections + " connections to one host need " + connections + " local ports, but one source "
                    + "address has " + ports + " (net.ipv4.ip_local_port_range); share connections with --max-connections "
                    + suggest(ports));
        }
    }

    /** Half of what a limit leaves for connections, at most 2,000 (what a 250,000-user run needed). */
    private static long suggest(long available) {
        return Math.max(1, Math.min(2000, available / 2));
    }

    static long maxOpenFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }

    static int localPorts() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return -1; // not Linux, or not readable: nothing to say
        }
    }
}
