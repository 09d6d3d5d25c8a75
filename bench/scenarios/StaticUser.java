import io.stampede.*;

/** Benchmark user: no wait, one GET of the static location (like wrk's default script). */
public class StaticUser extends HttpUser {
    @Task
    void get() {
        client.get(System.getProperty("bench.path", "/static"));
    }
}
