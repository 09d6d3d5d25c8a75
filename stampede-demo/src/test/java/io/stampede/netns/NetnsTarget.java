package io.stampede.netns;

import io.stampede.testkit.TargetServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The target server as a process of its own, so it can run inside a network namespace: a
 * {@link TargetServer} on the address given, which prints its URL, and, for each line "counts" on its
 * standard input, the requests it received by client address ("from 10.231.0.11 171") and in all
 * ("total 513"), then "end". It stops when its standard input ends.
 */
public final class NetnsTarget {
    private NetnsTarget() {
    }

    public static void main(String[] args) throws Exception {
        try (TargetServer server = TargetServer.start(InetAddress.getByName(args[0]))) {
            System.out.println("listening " + server.url());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("counts")) {
                    server.catchUp();
                    for (Map.Entry<String, Long> e : server.requestCountsByRemoteAddress().entrySet()) {
                        System.out.println("from " + e.getKey() + " " + e.getValue());
                    }
                    System.out.println("total " + server.requestCount());
                    System.out.println("end");
                    System.out.flush();
                }
            }
        }
    }
}
