package io.onboarding.notification;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates files that hold secrets (passwords) readable and writable by their owner only (0600). */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    static void create(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Created with the permissions, not changed afterwards: there is no moment the file is readable.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
