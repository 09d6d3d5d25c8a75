import io.stampede.*;

/**
 * The bundled demo scenario: a shopper of the demo marketplace API.
 * Logs in once, then browses, views products, reads and writes comments, and now and then asks for
 * the slow fee report. Run: bin/stampede demo   (or against a running demo API:
 * bin/stampede -f examples/demo/ShopUser.java -H http://127.0.0.1:8080 -u 40 -r 10 -t 1m --headless)
 */
public class ShopUser extends HttpUser {
    private String access;
    private String refresh;

    @Override
    protected WaitTime waitTime() {
        return WaitTime.between(0.5, 2.0);
    }

    @Override
    protected void onStart() {
        // spread users over the seeded accounts: user{N}@example.com / secret{N}
        long n = 2 + userId() % 999;
        login("user" + n + "@example.com", "secret" + n);
    }

    private void login(String email, String password) {
        Json tokens = client.post("/api/v1/auth/token/", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").json();
        access = tokens.get("access").asText();
        refresh = tokens.get("refresh").asText();
        client.defaultHeader("Authorization", "Bearer " + access);
    }

    /** Access tokens expire; a 401 means: refresh and carry on, as a real client does. */
    private void refreshOn401(Response r) {
        if (r.status() == 401) {
            access = client.post("/api/v1/auth/token/refresh/", "{\"refresh\":\"" + refresh + "\"}").json().get("access").asText();
            client.defaultHeader("Authorization", "Bearer " + access);
        }
    }

    @Task(4)
    void browse() {
        int page = 1 + random().nextInt(50);
        refreshOn401(client.request("GET", "/api/v1/products/?page=" + page).name("/api/v1/products/").send());
    }

    @Task(6)
    void view() {
        int id = 1 + random().nextInt(5000);
        Response r = client.request("GET", "/api/v1/products/" + id + "/").name("/api/v1/products/[id]/").send();
        check("product has a name", r.json().has("name"));
        refreshOn401(r);
    }

    @Task(2)
    void comments() {
        refreshOn401(client.get("/api/v1/products/comments/"));
    }

    @Task(1)
    void comment() {
        int id = 1 + random().nextInt(5000);
        client.request("POST", "/api/v1/products/" + id + "/comments/").name("/api/v1/products/[id]/comments/")
                .body("{\"text\":\"Load-tested and still standing\"}").send();
    }

    @Task(1)
    void report() {
        int term = 1 + random().nextInt(100);
        client.request("GET", "/api/v1/reports/fees?term=" + term).name("/api/v1/reports/fees").send();
    }
}
