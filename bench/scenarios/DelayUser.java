import io.stampede.*;

/** Benchmark user: no wait, one GET of the 50 ms location. */
public class DelayUser extends HttpUser {
    @Task
    void get() {
        client.get("/delay");
    }
}
