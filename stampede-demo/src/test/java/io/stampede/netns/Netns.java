package io.stampede.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A private network of network namespaces, one per "host", made with {@code ip}: a bridge in a hub
 * namespace, and each host joined to it by a veth pair, with its address in 10.231.0.0/24 and its own
 * loopback up. Nothing is added to the caller's namespace: the hosts' routes and addresses live in
 * their namespaces only, so concurrent runs may use the same addresses. Names carry this JVM's pid
 * ("stn" + pid in base 36), so a later run can tell a dead run's leftovers from a live run's.
 */
final class Netns implements AutoCloseable {
    static final String PREFIX = "stn";
    static final String SUBNET = "10.231.0.";

    private final String id = PREFIX + Long.toString(ProcessHandle.current().pid(), 36);
    private final String hub = id + "-hub";
    private final List<String> made = new ArrayList<>();

    /**
     * Deletes the namespaces of runs whose JVM has gone, then makes the hub. Empty when this machine
     * cannot (not root, no {@code ip}, no namespaces): why, in one line.
     */
    Optional<String> open() throws InterruptedException {
        try {
            Result r = run("ip", "netns", "list");
            if (r.exit != 0) {
                return Optional.of("'ip netns list' failed: " + r.output.strip());
            }
            for (String line : r.output.lines().toList()) {
                String name = line.split(" ")[0];
                if (name.startsWith(PREFIX) && name.contains("-") && !alive(name)) {
                    run("ip", "netns", "del", name);
                }
            }
            Result add = run("ip", "netns", "add", hub);
            if (add.exit != 0) {
                return Optional.of("'ip netns add' failed (this test needs root): " + add.output.strip());
            }
            made.add(hub);
            ip("-n", hub, "link", "set", "lo", "up");
            ip("-n", hub, "link", "add", "br0", "type", "bridge");
            ip("-n", hub, "link", "set", "br0", "up");
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("no 'ip' command: " + e.getMessage());
        }
    }

    /** A host on the bridge at 10.231.0.{@code last}; returns its namespace's name, for {@code ip netns exec}. */
    String host(String name, int last) throws IOException, InterruptedException {
        String ns = id + "-" + name;
        ip("netns", "add", ns);
        made.add(ns);
        ip("-n", ns, "link", "set", "lo", "up");
        String port = "v" + last; // the hub's end; the host's end is eth0 in its own namespace
        ip("-n", hub, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        ip("-n", hub, "link", "set", port, "master", "br0");
        ip("-n", hub, "link", "set", port, "up");
        ip("-n", ns, "addr", "add", address(last) + "/24", "dev", "eth0");
        ip("-n", ns, "link", "set", "eth0", "up");
        return ns;
    }

    static String address(int last) {
        return SUBNET + last;
    }

    /** The command line that runs {@code command} inside namespace {@code ns}. */
    static List<String> inside(String ns, String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(List.of(command));
        return all;
    }

    /** Deletes every namespace this run made (their veth pairs go with them). Processes in them must have ended. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<String> failed = new ArrayList<>();
        for (String ns : made.reversed()) {
            Result r = run("ip", "netns", "del", ns);
            if (r.exit != 0) {
                failed.add(ns + ": " + r.output.strip());
            }
        }
        made.clear();
        if (!failed.isEmpty()) {
            throw new IOException("could not delete namespaces " + failed);
        }
    }

    /** Whether the JVM that made namespace {@code name} ("stn" + pid in base 36 + "-...") still runs. */
    private static boolean alive(String name) {
        try {
            long pid = Long.parseLong(name.substring(PREFIX.length(), name.indexOf('-')), 36);
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Result r = run(command.toArray(String[]::new));
        if (r.exit != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + r.output.strip());
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " took over 10 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
