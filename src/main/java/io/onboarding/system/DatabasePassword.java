package io.onboarding.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.apache.commons.logging.Log;

/**
 * The password of the job's own H2 file database when none is configured: generated once, kept owner-only (0600)
 * beside the database, where every later process (status, stop, history) finds it. A database created before
 * there was one (its user with an empty password) gets it at its first start, and keeps its data.
 *
 * <p>No password is ever part of a log line or a message: H2's messages quote the statement that failed, so a
 * failure of the statement that sets it is told by its error code only.
 */
final class DatabasePassword {

    /** H2's (and SQL's) "wrong user name or password". */
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final H2FileDatabase database;
    private final String url;
    private final String user;
    private final Log log;

    DatabasePassword(H2FileDatabase database, String url, String user, Log log) {
        this.database = database;
        this.url = url;
        this.user = user;
        this.log = log;
    }

    /** The password to connect with: the stored one, or a new one (set on the database when it exists already). */
    String resolve() {
        try {
            Path file = database.passwordFile();
            if (Files.exists(file)) {
                return read(file);
            }
            if (!database.exists()) {
                // H2 creates a database with the password of its first connection.
                String password = store(file, generate());
                log.info("Generated the password of the job's database; it is kept in " + file + " (owner only)");
                return password;
            }
            return setOnExistingDatabase(file);
        } catch (IOException e) {
            throw new ConfigurationProblem("Cannot keep the password of the job's database in "
                    + database.passwordFile() + " (" + e.getClass().getSimpleName() + ").",
                    "Make " + database.folder() + " writable by this user, or set ONBOARDING_DB_PASSWORD.", null);
        }
    }

    /**
     * Gives an existing database without a password its generated one. The password waits in a pending file until
     * the database has it, so that a start cut short in between loses neither the password nor the database.
     */
    private String setOnExistingDatabase(Path file) throws IOException {
        Path pending = database.pendingPasswordFile();
        String password = Files.exists(pending) ? read(pending) : store(pending, generate());
        Connection withoutPassword = open("");
        if (withoutPassword != null) {
            try (Connection connection = withoutPassword) {
                setPassword(connection, password);
            } catch (SQLException e) {
                // Not e.getMessage(): H2 quotes the failed statement, and with it its parameter.
                throw new ConfigurationProblem("Cannot set the generated password on the job's database "
                        + database.dataFile() + " (H2 error " + e.getErrorCode() + ").",
                        "Start the job once more; if it fails again, set ONBOARDING_DB_PASSWORD.", null);
            }
            log.info("Set a generated password on the job's database " + database.dataFile() + "; it is kept in "
                    + file + " (owner only), and user " + user + " without it is refused from now on");
        } else {
            // An earlier start may have set the pending password and stopped before keeping it.
            Connection withPending = open(password);
            if (withPending == null) {
                throw new ConfigurationProblem("The job's database " + database.dataFile() + " has a password, and "
                        + "none is configured.", "Set ONBOARDING_DB_PASSWORD (spring.datasource.password) to the "
                        + "password of database user " + user + ", or write it into " + file + " (owner-only, 0600).",
                        null);
            }
            close(withPending);
        }
        if (Files.exists(pending)) {
            // (Else another process starting at the same moment kept this same password already.)
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return password;
    }

    private static void setPassword(Connection connection, String password) throws SQLException {
        String name;
        try (Statement query = connection.createStatement();
                ResultSet current = query.executeQuery("SELECT CURRENT_USER")) {
            current.next();
            name = current.getString(1);
        }
        try (PreparedStatement alter = connection.prepareStatement(
                "ALTER USER \"" + name.replace("\"", "\"\"") + "\" SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        }
    }

    /** A connection with this password, or null when the database refuses it. */
    private Connection open(String password) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            if (INVALID_AUTHORIZATION.equals(e.getSQLState())) {
                return null;
            }
            throw new ConfigurationProblem("Cannot open the job's database " + database.dataFile() + " to give it a "
                    + "password: " + e.getMessage(), "Start the job once while no other process uses the database, "
                    + "or set ONBOARDING_DB_PASSWORD.", null);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Only a check: the pool opens its own connections.
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Writes the password to an owner-only file, complete or not at all: when another process's first start
     * stored one first, that one is the password.
     */
    private static String store(Path file, String password) throws IOException {
        return OwnerOnlyFiles.writeOnce(file, password + "\n").strip();
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new ConfigurationProblem("The password file of the job's database " + file + " is empty.",
                    "Write the database's password into it, or set ONBOARDING_DB_PASSWORD.", null);
        }
        return password;
    }
}
