import io.stampede.*;

/**
 * The business-day population: each user loops GET + a 60-120 s pause, so 250,000 users intend
 * about 2,800 requests/s.
 */
public class IdleUser extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.between(60, 120);
    }

    @Task
    void get() {
        client.get("/static");
    }
}
