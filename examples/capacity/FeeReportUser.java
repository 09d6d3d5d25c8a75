import io.stampede.*;

/**
 * A slow-endpoint capacity check (reference case 5): every user asks for the fee report once a
 * second. With the demo's pool of 30 connections and an 800 ms report, throughput flattens near
 * 30 / 0.8 = 37 req/s however many users come; a step load shows where:
 *
 * bin/stampede -f examples/capacity/FeeReportUser.java -H http://127.0.0.1:8080 -u 100 --step-users 10 --step-time 20s -r 10 --headless
 */
public class FeeReportUser extends HttpUser {
    @Override
    protected WaitTime waitTime() {
        return WaitTime.constantPacing(1.0);
    }

    @Override
    protected void onStart() {
        String token = client.post("/api/v1/auth/token/", "{\"email\":\"demo@example.com\",\"password\":\"demo\"}")
                .json().get("access").asText();
        client.defaultHeader("Authorization", "Bearer " + token);
    }

    @Task
    void report() {
        client.request("GET", "/api/v1/reports/fees?term=" + (1 + random().nextInt(100))).name("/api/v1/reports/fees").send();
    }
}
