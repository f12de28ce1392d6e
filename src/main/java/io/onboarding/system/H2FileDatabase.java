package io.onboarding.system;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** An H2 database kept in files on this machine, named by its JDBC URL: where its files are. */
record H2FileDatabase(Path base, String url) {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** The database of an H2 URL in file mode (jdbc:h2:file:./data/x or jdbc:h2:./data/x); empty for any other. */
    static Optional<H2FileDatabase> of(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int options = name.indexOf(';');
        if (options >= 0) {
            name = name.substring(0, options);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9]*:.*") && !name.matches("^[A-Za-z]:[\\\\/].*")) {
            // mem:, tcp:, ssl:, zip:, nio... — nothing of ours on this machine's disk to protect.
            return Optional.empty();
        }
        if (name.isBlank()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(new H2FileDatabase(Path.of(name).toAbsolutePath().normalize(), url));
    }

    Path folder() {
        return base.getParent();
    }

    boolean exists() {
        return Files.exists(sibling(".mv.db"));
    }

    Path sibling(String suffix) {
        return folder().resolve(base.getFileName() + suffix);
    }

    /**
     * Creates the folder owner-only (0700), or makes an existing one so when it holds only this database's files:
     * H2's lock file in it names the AUTO_SERVER's port and key. A folder shared with other files (say /tmp) is
     * left as it is.
     */
    void protectFolder() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder());
            return;
        }
        if (Files.notExists(folder())) {
            Files.createDirectories(folder(), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(folder(), OWNER_ONLY);
            return;
        }
        if (ownFolder() && !Files.getPosixFilePermissions(folder()).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(folder(), OWNER_ONLY);
        }
    }

    private boolean ownFolder() throws IOException {
        String prefix = base.getFileName().toString();
        try (Stream<Path> files = Files.list(folder())) {
            return files.allMatch(file -> file.getFileName().toString().startsWith(prefix));
        }
    }
}
