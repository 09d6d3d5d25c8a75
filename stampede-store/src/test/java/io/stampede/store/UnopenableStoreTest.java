package io.stampede.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be opened says why in one line, naming the store and never its password. */
@Timeout(60)
class UnopenableStoreTest {
    @TempDir
    Path dir;

    @Test
    void aPathThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "not a folder");
        refused(file.toString()).hasMessage("cannot open the results store in " + file + ": it is a file, not a folder");
    }

    @Test
    void aFolderUnderAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "not a folder");
        refused(file.resolve("deeper").toString()).hasMessageStartingWith("cannot open the results store in "
                + file.resolve("deeper") + ": the folder cannot be created");
    }

    @Test
    void aUrlNoDriverTakes() {
        refused("jdbc:nosuchdb://localhost/results?password=hunter2").hasMessage("cannot open the results store"
                + " jdbc:nosuchdb://localhost/results?password=***: no JDBC driver for this URL"
                + " (built in: H2 jdbc:h2:..., PostgreSQL jdbc:postgresql://...)");
    }

    @Test
    void aDatabaseThatRefusesTheConnection() {
        // Port 1 on loopback: nothing listens, the refusal is immediate.
        refused("jdbc:postgresql://127.0.0.1:1/results?user=u&password=hunter2")
                .hasMessageStartingWith("cannot open the results store jdbc:postgresql://127.0.0.1:1/results?user=u&password=***:"
                        + " Connection to 127.0.0.1:1 refused.");
    }

    @Test
    void aFileThatIsNoDatabase() throws Exception {
        Files.write(dir.resolve("stampede-results.mv.db"), new byte[4096]);
        refused(dir.toString()).hasMessageStartingWith("cannot open the results store "
                + dir.resolve("stampede-results.mv.db") + ": the file is damaged or is not an H2 database (");
    }

    @Test
    void nothingGiven() {
        refused(" ").hasMessage("cannot open the results store: no folder or JDBC URL given");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String where) {
        return assertThatThrownBy(() -> ResultsStore.open(where).close())
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r")
                        .doesNotContain("hunter2"));
    }
}
