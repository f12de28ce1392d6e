package io.onboarding.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An H2 database in a file (the job's own, or the sandbox's) ({@code jdbc:h2:file:PATH;SETTINGS}): the folder it lives in and the files
 * kept there under its name.
 *
 * @param folder the folder of the database's files, absolute
 * @param name the database's name: its files are {@code name.mv.db}, {@code name.lock.db}, ...
 */
public record H2FileDatabase(Path folder, String name) {

    private static final String PREFIX = "jdbc:h2:file:";

    /** The database a JDBC URL names, when it is an H2 file; empty for any other database (PostgreSQL, H2 server). */
    public static Optional<H2FileDatabase> of(String url) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String path = url.substring(PREFIX.length()).split(";", 2)[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        return Optional.of(new H2FileDatabase(file.getParent(), file.getFileName().toString()));
    }

    /** Whether the URL itself carries a user or a password (H2 takes them from its settings too). */
    static boolean hasCredentialsInUrl(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        return upper.contains(";PASSWORD=") || upper.contains(";USER=");
    }

    public Path dataFile() {
        return folder.resolve(name + ".mv.db");
    }

    /** The generated password, owner-only (0600). */
    public Path passwordFile() {
        return folder.resolve(name + ".db-password");
    }

    /** A generated password on its way to an existing database, until the database has it. */
    Path pendingPasswordFile() {
        return folder.resolve(name + ".db-password.new");
    }

    public boolean exists() {
        return Files.exists(dataFile());
    }

    /** Whether every file in the folder is one of this database's: the folder is the database's own. */
    boolean ownsItsFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.allMatch(file -> file.getFileName().toString().startsWith(name + "."));
        }
    }
}
