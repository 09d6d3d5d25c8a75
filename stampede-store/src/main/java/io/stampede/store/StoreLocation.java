package io.stampede.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a store lives: a {@code jdbc:} URL used as given, or a folder that holds the embedded H2 file
 * {@value #H2_FILE}. {@link #description} is the URL with any password masked, for messages.
 */
record StoreLocation(String jdbcUrl, String description) {
    static final String H2_FILE = "stampede-results";

    /**
     * H2 settings for the embedded file. DB_CLOSE_ON_EXIT=FALSE: the CLI finishes its outputs inside a
     * shutdown hook on Ctrl-C, and H2's own hook would otherwise close the database under it.
     * WRITE_DELAY=0: a commit reaches the file at once instead of up to half a second later, so a run
     * killed with SIGKILL keeps every interval it had committed.
     */
    private static final String H2_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):[^/@]*@");

    static StoreLocation of(String jdbcUrlOrFolder) {
        if (jdbcUrlOrFolder == null || jdbcUrlOrFolder.isBlank()) {
            throw new StoreUnavailableException("cannot open the results store: no folder or JDBC URL given");
        }
        String given = jdbcUrlOrFolder.strip();
        if (given.startsWith("jdbc:")) {
            return new StoreLocation(given, masked(given));
        }
        Path folder = Path.of(given).toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new StoreUnavailableException("cannot open the results store in " + folder
                    + ": it is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot open the results store in " + folder
                    + ": the folder cannot be created (" + e.getClass().getSimpleName() + " " + e.getMessage() + ")", e);
        }
        Path file = folder.resolve(H2_FILE);
        return new StoreLocation("jdbc:h2:file:" + file + H2_SETTINGS, file + ".mv.db");
    }

    /** Passwords in a URL (PostgreSQL's {@code ?password=}, or {@code user:password@}) never reach a message. */
    static String masked(String url) {
        String s = PASSWORD.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("//$1:***@");
    }

    boolean embedded() {
        return jdbcUrl.startsWith("jdbc:h2:file:");
    }
}
