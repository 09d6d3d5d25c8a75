package io.stampede.demo.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.stampede.demo.auth.Passwords;
import io.stampede.demo.auth.Tokens;
import io.stampede.demo.db.Store;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The marketplace API's routes. Everything but login, refresh and /health needs a bearer token. */
final class Api implements HttpHandler {
    private static final Pattern PRODUCT = Pattern.compile("^/api/v1/products/(\\d+)/$");
    private static final Pattern PRODUCT_COMMENTS = Pattern.compile("^/api/v1/products/(\\d+)/comments/$");

    private final Store store;
    private final Tokens tokens;
    private final boolean reportCache;
    private final Map<Integer, Object> reports = new ConcurrentHashMap<>();

    Api(Store store, Tokens tokens, boolean reportCache) {
        this.store = store;
        this.tokens = tokens;
        this.reportCache = reportCache;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Call call = new Call(exchange);
        try {
            route(call);
        } catch (ApiError e) {
            call.reply(e.status, Map.of("detail", e.getMessage()));
        } catch (SQLTransientConnectionException e) {
            // HikariCP waited its connectionTimeout for a pooled connection: the service is saturated
            call.reply(503, Map.of("detail", "database pool exhausted"));
        } catch (SQLException e) {
            call.reply(500, Map.of("detail", "database error"));
        } catch (RuntimeException e) {
            call.reply(500, Map.of("detail", "internal error"));
        } finally {
            exchange.close();
        }
    }

    private void route(Call c) throws ApiError, IOException, SQLException {
        String p = c.path();
        String m = c.method();
        Matcher product = PRODUCT.matcher(p);
        Matcher productComments = PRODUCT_COMMENTS.matcher(p);
        if (p.equals("/health")) {
            expect(m, "GET");
            c.reply(200, Map.of("status", "ok"));
        } else if (p.equals("/api/v1/auth/token/")) {
            expect(m, "POST");
            login(c);
        } else if (p.equals("/api/v1/auth/token/refresh/")) {
            expect(m, "POST");
            refresh(c);
        } else if (p.equals("/api/v1/products/")) {
            expect(m, "GET");
            authenticate(c);
            int size = c.intParam("page_size", 20, 1, 100);
            int page = c.intParam("page", 1, 1, 1_000_000);
            c.reply(200, page(store.productCount(), page, size, store.products((page - 1) * size, size), "/api/v1/products/"));
        } else if (p.equals("/api/v1/products/comments/")) {
            expect(m, "GET");
            authenticate(c);
            int size = c.intParam("page_size", 20, 1, 100);
            int page = c.intParam("page", 1, 1, 1_000_000);
            c.reply(200, page(store.commentCount(), page, size, store.comments((page - 1) * size, size), "/api/v1/products/comments/"));
        } else if (product.matches()) {
            expect(m, "GET");
            authenticate(c);
            Map<String, Object> row = store.product(Integer.parseInt(product.group(1)));
            if (row == null) {
                throw new ApiError(404, "Not found.");
            }
            c.reply(200, row);
        } else if (productComments.matches()) {
            expect(m, "POST");
            comment(c, authenticate(c), Integer.parseInt(productComments.group(1)));
        } else if (p.equals("/api/v1/reports/fees")) {
            expect(m, "GET");
            authenticate(c);
            report(c, c.intParam("term", -1, 1, Integer.MAX_VALUE));
        } else {
            throw new ApiError(404, "Not found.");
        }
    }

    private static void expect(String method, String allowed) throws ApiError {
        if (!method.equals(allowed)) {
            throw new ApiError(405, "Method \"" + method + "\" not allowed.");
        }
    }

    private int authenticate(Call c) throws ApiError {
        String token = c.bearer();
        if (token == null) {
            throw new ApiError(401, "Authentication credentials were not provided.");
        }
        int user = tokens.verify(token, "access");
        if (user < 0) {
            throw new ApiError(401, "Given token not valid for any token type");
        }
        return user;
    }

    private void login(Call c) throws ApiError, IOException, SQLException {
        JsonNode body = c.body();
        String email = body.path("email").asText("");
        String password = body.path("password").asText("");
        if (email.isEmpty() || password.isEmpty()) {
            throw new ApiError(400, "email and password are required");
        }
        String[] user = store.user(email);
        if (user == null || !Passwords.matches(password, user[1], user[2])) {
            throw new ApiError(401, "No active account found with the given credentials");
        }
        int id = Integer.parseInt(user[0]);
        c.reply(200, Map.of("access", tokens.access(id), "refresh", tokens.refresh(id)));
    }

    private void refresh(Call c) throws ApiError, IOException {
        int id = tokens.verify(c.body().path("refresh").asText(""), "refresh");
        if (id < 0) {
            throw new ApiError(401, "Token is invalid or expired");
        }
        c.reply(200, Map.of("access", tokens.access(id)));
    }

    private void comment(Call c, int user, int productId) throws ApiError, IOException, SQLException {
        String text = c.body().path("text").asText("").trim();
        if (text.isEmpty() || text.length() > 2000) {
            throw new ApiError(400, "text is required (1 to 2000 characters)");
        }
        if (store.product(productId) == null) {
            throw new ApiError(404, "Not found.");
        }
        long id = store.addComment(productId, user, text);
        c.reply(201, Map.of("id", id, "product_id", productId, "user_id", user, "text", text));
    }

    private void report(Call c, int term) throws ApiError, IOException, SQLException {
        if (term < 0) {
            throw new ApiError(400, "term is required");
        }
        Object cached = reportCache ? reports.get(term) : null;
        if (cached == null) {
            List<Map<String, Object>> rows = store.feeReport(term);
            cached = Map.of("term", term, "fees", rows);
            if (reportCache) {
                reports.put(term, cached);
            }
        }
        c.reply(200, cached);
    }

    private static Map<String, Object> page(long count, int page, int size, List<Map<String, Object>> rows, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("next", (long) page * size < count ? base + "?page=" + (page + 1) + "&page_size=" + size : null);
        m.put("previous", page > 1 ? base + "?page=" + (page - 1) + "&page_size=" + size : null);
        m.put("results", rows);
        return m;
    }
}
