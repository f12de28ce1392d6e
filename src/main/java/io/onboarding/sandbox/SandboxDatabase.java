package io.onboarding.sandbox;

import io.onboarding.system.ConfigurationProblem;
import io.onboarding.system.H2FileDatabase;
import io.onboarding.system.OwnerOnlyFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's own H2 database: where it is, and kept to its owner as the job's own database is — its folder
 * owner-only (0700), a generated password kept owner-only (0600) beside it, and the server H2 starts for a second
 * process (AUTO_SERVER) on loopback only.
 */
final class SandboxDatabase {

    /** The database's name beside the job's: {@code sandbox.mv.db}, {@code sandbox.db-password}. */
    static final String NAME = "sandbox";
    private static final String DEFAULT_URL = "jdbc:h2:file:./data/" + NAME + ";AUTO_SERVER=TRUE";
    private static final String USER = "sandbox";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(SandboxDatabase.class);

    private SandboxDatabase() {
    }

    /**
     * {@code onboarding.sandbox.database-url} when set; else beside the job's H2 file, in memory when the job's
     * database is, and {@code ./data/sandbox} for any other job database (never inside it).
     */
    static String url(SandboxProperties properties, String jobUrl) {
        if (properties.databaseUrl() != null && !properties.databaseUrl().isBlank()) {
            return properties.databaseUrl();
        }
        if (jobUrl != null && jobUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            return "jdbc:h2:mem:" + NAME + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        return H2FileDatabase.of(jobUrl)
                .map(job -> "jdbc:h2:file:" + job.folder().resolve(NAME) + ";AUTO_SERVER=TRUE")
                .orElse(DEFAULT_URL);
    }

    /** Opens (and on first use creates) the store at this URL. */
    static SandboxStore open(String url, JsonMapper json) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            throw new ConfigurationProblem("The sandbox's database must be an H2 database; onboarding.sandbox."
                    + "database-url names another.", "Leave onboarding.sandbox.database-url empty (the sandbox keeps "
                    + "its state beside the job's database), or give it a jdbc:h2: URL.", null);
        }
        // AUTO_SERVER's server would otherwise listen on every interface (H2 reads this once, at first use).
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", InetAddress.getLoopbackAddress().getHostAddress());
        }
        Optional<H2FileDatabase> file = H2FileDatabase.of(url);
        if (file.isEmpty()) {
            return new SandboxStore(url, "sa", "", json);
        }
        H2FileDatabase database = file.get();
        try {
            keepFolderToOwner(database.folder());
            return new SandboxStore(url, USER, password(database), json);
        } catch (IOException e) {
            throw new ConfigurationProblem("Cannot keep the sandbox's database in " + database.folder() + " ("
                    + e.getClass().getSimpleName() + ").", "Make the folder writable by this user, or point "
                    + "onboarding.sandbox.database-url elsewhere.", null);
        }
    }

    private static void keepFolderToOwner(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            OwnerOnlyFiles.createFolder(folder);
        } else if (OwnerOnlyFiles.openToOthers(folder)) {
            log.warn("The sandbox's database folder {} is open to other users: make it 0700", folder);
        }
    }

    /** The stored password; a new one for a new database, kept owner-only (0600) for every later process. */
    private static String password(H2FileDatabase database) throws IOException {
        Path file = database.passwordFile();
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        if (database.exists()) {
            throw new ConfigurationProblem("The sandbox's database " + database.dataFile() + " has no password file "
                    + file + ".", "It holds only what the sandbox created: delete " + database.folder() + "/"
                    + database.name() + ".* to start the sandbox afresh, or point onboarding.sandbox.database-url "
                    + "elsewhere.", null);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return OwnerOnlyFiles.writeOnce(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n")
                .strip();
    }
}
