import io.stampede.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A data-driven scenario: each user logs in with the next row of a CSV file (email,password), wrapping
 * around when there are more users than rows. The file is examples/data-driven/users.csv unless the
 * environment variable STAMPEDE_USERS_CSV (or the system property users.csv) names another.
 *
 * bin/stampede -f examples/data-driven/CsvCredentialsUser.java -H http://127.0.0.1:8080 -u 10 -r 5 -t 1m --headless
 */
public class CsvCredentialsUser extends HttpUser {
    private static final List<String[]> ROWS = load();

    private static List<String[]> load() {
        String file = System.getProperty("users.csv", System.getenv().getOrDefault("STAMPEDE_USERS_CSV",
                "examples/data-driven/users.csv"));
        try {
            return Files.readAllLines(Path.of(file)).stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(",", 2)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + file, e);
        }
    }

    @Override
    protected WaitTime waitTime() {
        return WaitTime.between(1, 3);
    }

    @Override
    protected void onStart() {
        String[] row = ROWS.get((int) ((userId() - 1) % ROWS.size()));
        Response r = client.post("/api/v1/auth/token/", "{\"email\":\"" + row[0] + "\",\"password\":\"" + row[1] + "\"}");
        if (!check("login accepted", r.status() == 200)) {
            stopUser(); // wrong credentials in the file: this user cannot do anything useful
        }
        client.defaultHeader("Authorization", "Bearer " + r.json().get("access").asText());
    }

    @Task
    void browse() {
        client.get("/api/v1/products/?page=" + (1 + random().nextInt(20)));
    }
}
