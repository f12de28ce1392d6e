package io.onboarding.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The generated password of an H2 file database that has none configured, kept owner-only (0600) in
 * {@code <database>.db-password}; a database from before it, still open to its user with an empty password, is
 * given it on the first start.
 */
final class DatabasePasswordFile {

    /** H2's code for a wrong user name or password. */
    private static final int WRONG_PASSWORD = 28000;

    private final H2FileDatabase database;
    private final String user;
    private final Path file;
    /** Written before the database's password is changed, so a crash in between cannot lose the new one. */
    private final Path pending;

    DatabasePasswordFile(H2FileDatabase database, String user) {
        this.database = database;
        this.user = user;
        this.file = database.sibling(".db-password");
        this.pending = database.sibling(".db-password.new");
    }

    String password() throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        String password = pendingPassword();
        // A new database is created with the password of its first connection; an older one is given it.
        if (database.exists() && !opensWith(password)) {
            setPassword(password);
        }
        return publish(password);
    }

    /** The password a crashed start left pending, or a new one written there before anything uses it. */
    private String pendingPassword() throws IOException {
        String password = newPassword();
        try {
            writeOwnerOnly(pending, password);
            return password;
        } catch (FileAlreadyExistsException e) {
            String left = read(pending);
            if (!left.isEmpty()) {
                return left;
            }
            // A start killed between creating the file and writing it: nothing used that password yet.
            Files.delete(pending);
            writeOwnerOnly(pending, password);
            return password;
        }
    }

    /** Moves the pending password into place; when another process got there first, both use its. */
    private String publish(String password) throws IOException {
        try {
            Files.createLink(file, pending);
            return password;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } finally {
            Files.deleteIfExists(pending);
        }
    }

    private boolean opensWith(String password) {
        try (Connection ignored = DriverManager.getConnection(database.url(), user, password)) {
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == WRONG_PASSWORD) {
                return false;
            }
            throw new IllegalStateException("cannot open the database " + database.base() + ": " + e.getMessage());
        }
    }

    private void setPassword(String password) {
        try (Connection connection = DriverManager.getConnection(database.url(), user, "");
                PreparedStatement alter = connection.prepareStatement("ALTER USER " + quoted(user) + " SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("the database " + database.base() + " has a password for " + user
                    + " that is not configured: set spring.datasource.password (ONBOARDING_DB_PASSWORD) ("
                    + e.getMessage() + ")");
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static void writeOwnerOnly(Path file, String password) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // Created with the permissions, not changed afterwards: there is no moment the file is readable.
        FileAttribute<?>[] ownerOnly = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, options, ownerOnly)) {
            channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
    }

}
