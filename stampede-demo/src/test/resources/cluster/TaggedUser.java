import io.stampede.*;

/**
 * The cluster process tests' user: a GET of /work every 50 ms that says which process sent it, so
 * the test's server can count, and hold, one worker's requests apart from the others'.
 */
public class TaggedUser extends HttpUser {
    private static final String PID = String.valueOf(ProcessHandle.current().pid());

    @Override
    protected WaitTime waitTime() {
        return WaitTime.constant(0.05);
    }

    @Task
    void work() {
        client.request("GET", "/work").header("X-Worker-Pid", PID).send();
    }
}
