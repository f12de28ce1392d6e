package io.onboarding.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Creates files that hold secrets (passwords) readable and writable by their owner only (0600), and such folders (0700). */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    public static void create(Path file) throws IOException {
        if (posix()) {
            // Created with the permissions, not changed afterwards: there is no moment the file is readable.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Writes the text to a new owner-only file, complete or not at all. When another process wrote the file first,
     * its text is kept and returned: for a secret generated once (a database password) by whichever process
     * starts first.
     */
    public static String writeOnce(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        Files.deleteIfExists(partial);
        create(partial);
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        try {
            Files.move(partial, file);
            return text;
        } catch (FileAlreadyExistsException e) {
            Files.delete(partial);
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }

    /** Creates the folder (and its missing parents, as the umask says) with only its owner let in (0700). */
    public static void createFolder(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (posix()) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
        } else {
            Files.createDirectory(folder);
        }
    }

    /** Whether someone other than the folder's owner may enter or list it. */
    public static boolean openToOthers(Path folder) throws IOException {
        return posix() && !OWNER_FOLDER.containsAll(Files.getPosixFilePermissions(folder));
    }

    /** Lets only the folder's owner in (0700). */
    public static void restrictFolder(Path folder) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(folder, OWNER_FOLDER);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
