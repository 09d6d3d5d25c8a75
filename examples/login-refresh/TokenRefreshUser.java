import io.stampede.*;

/**
 * Reference case 4: users log in once (email + password -> access and refresh tokens), list products
 * and comments (weight 2), view products 1..49 one by one with pauses (weight 3), and refresh the
 * token (weight 4); waits between 0.8 and 1.9 s.
 *
 * bin/stampede -f examples/login-refresh/TokenRefreshUser.java -H http://127.0.0.1:8080 -u 100 -r 10 -t 2m --headless --csv results/refresh
 */
public class TokenRefreshUser extends HttpUser {
    private String refresh;

    @Override
    protected WaitTime waitTime() {
        return WaitTime.between(0.8, 1.9);
    }

    @Override
    protected void onStart() {
        Json t = client.post("/api/v1/auth/token/", "{\"email\":\"demo@example.com\",\"password\":\"demo\"}").json();
        refresh = t.get("refresh").asText();
        client.defaultHeader("Authorization", "Bearer " + t.get("access").asText());
    }

    @Task(2)
    void listProductsAndComments() {
        client.get("/api/v1/products/");
        client.get("/api/v1/products/comments/");
    }

    @Task(3)
    void viewProducts() throws InterruptedException {
        for (int id = 1; id < 50; id++) {
            client.request("GET", "/api/v1/products/" + id + "/").name("/api/v1/products/[id]/").send();
            Thread.sleep(100); // a person reading; virtual threads make this cheap
        }
    }

    @Task(4)
    void refreshToken() {
        Response r = client.post("/api/v1/auth/token/refresh/", "{\"refresh\":\"" + refresh + "\"}");
        if (check("refresh gave a token", r.json().has("access"))) {
            client.defaultHeader("Authorization", "Bearer " + r.json().get("access").asText());
        }
    }
}
