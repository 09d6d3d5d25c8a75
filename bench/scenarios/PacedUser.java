import io.stampede.*;

/** Benchmark user for the cluster's control plane: one GET of the static location a second. */
public class PacedUser extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constantPacing(1);
    }

    @Task
    void get() {
        client.get("/static");
    }
}
