package io.stampede.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Checks before the run that the target accepts connections, so a typo in -H gives one clear line
 * instead of a run full of identical failures. Failures during the run are still recorded as such.
 */
final class HostCheck {
    private HostCheck() {
    }

    static void reachable(URI host, Duration timeout) throws UserError {
        int port = host.getPort() != -1 ? host.getPort() : "https".equals(host.getScheme()) ? 443 : 80;
        String why;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.getHost(), port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return;
        } catch (UnknownHostException e) {
            why = "unknown host " + host.getHost();
        } catch (ConnectException e) {
            why = "connection refused";
        } catch (SocketTimeoutException e) {
            why = "connect timed out after " + timeout.toSeconds() + "s";
        } catch (NoRouteToHostException e) {
            why = "no route to host";
        } catch (IOException e) {
            why = e.getMessage();
        }
        throw new UserError(ExitCodes.UNREACHABLE, "cannot reach " + host + ": " + why);
    }
}
