package io.onboarding.web;

import io.onboarding.system.OwnerOnlyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded CSV files in {@code <inbox>/uploads/}, under server-made names: the browser's file name
 * is shown, never used as a path. Outside the inbox itself, so that serve's nightly tick does not run them.
 * They hold passwords and transfer tokens: owner-only (0600, in a 0700 folder), and deleted when refused or
 * older than {@code onboarding.uploads.retention}.
 */
@Component
public class Uploads {

    private static final Pattern ID = Pattern.compile("u-\\d{8}-\\d{6}-[0-9a-f]{8}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String NAMES = ".names";

    private final Path folder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Uploads(UploadProperties properties, Clock clock) {
        this.folder = properties.dir();
        this.clock = clock;
    }

    /**
     * Why the browser's file name is refused, or null: only a plain {@code .csv} name, no folder in it —
     * a name like {@code ../../etc/passwd.csv} says the client is not a browser an operator uses.
     */
    static String nameProblem(String originalName) {
        String name = displayName(originalName);
        if (name.isEmpty()) {
            return "The upload has no file name; choose a .csv file.";
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return "Only .csv files can be uploaded ('" + name + "' is not one): save it from your "
                    + "spreadsheet as 'CSV UTF-8'.";
        }
        return null;
    }

    /**
     * The browser's file name reduced to what is safe to show and log: its base name (a browser on Windows may
     * send a whole path), without control, format or line-separator characters, at most 200 characters. The
     * name is never a path here, so {@code customers..csv} is as good as any.
     */
    static String displayName(String originalName) {
        if (originalName == null) {
            return "";
        }
        String base = originalName.substring(Math.max(originalName.lastIndexOf('/'), originalName.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
    }

    public Upload store(String originalName, InputStream content) {
        String name = displayName(originalName);
        String id = "u-" + STAMP.format(LocalDateTime.now(clock)) + "-" + HexFormat.of().toHexDigits(random.nextInt());
        Path file = folder.resolve(id + ".csv");
        try {
            if (Files.notExists(folder)) {
                OwnerOnlyFiles.createFolder(folder);
            } else if (OwnerOnlyFiles.openToOthers(folder)) {
                OwnerOnlyFiles.restrictFolder(folder);
            }
            // Created owner-only before a byte of it is written: the file holds passwords and transfer tokens.
            OwnerOnlyFiles.create(file);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.transferTo(out);
            }
            Path names = folder.resolve(id + NAMES);
            OwnerOnlyFiles.create(names);
            Files.writeString(names, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the upload in " + folder, e);
        }
        return new Upload(id, file, name);
    }

    /** Deletes an upload, e.g. one refused: nothing will read it, and it may hold passwords. */
    public void delete(Upload upload) {
        try {
            Files.deleteIfExists(folder.resolve(upload.id() + ".csv"));
            Files.deleteIfExists(folder.resolve(upload.id() + NAMES));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the upload " + upload.id(), e);
        }
    }

    /** Deletes the uploads stored before a moment (their reports stay); how many. */
    int deleteStoredBefore(Instant moment) {
        if (Files.notExists(folder)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".csv") && Files.getLastModifiedTime(file).toInstant().isBefore(moment)) {
                    Optional<Upload> upload = find(name.substring(0, name.length() - ".csv".length()));
                    if (upload.isPresent()) {
                        delete(upload.get());
                        deleted++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the uploads in " + folder, e);
        }
        return deleted;
    }

    /** The upload a run read, when it read one: what the run pages show instead of the server's path. */
    public Optional<Upload> ofFile(String inputFile) {
        if (inputFile == null) {
            return Optional.empty();
        }
        Path file = Path.of(inputFile);
        String name = file.getFileName().toString();
        return file.getParent() != null && file.getParent().toAbsolutePath().normalize()
                .equals(folder.toAbsolutePath().normalize()) && name.endsWith(".csv")
                ? find(name.substring(0, name.length() - 4)) : Optional.empty();
    }

    public Optional<Upload> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(id + ".csv");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Path names = folder.resolve(id + NAMES);
            return Optional.of(new Upload(id, file, Files.exists(names) ? Files.readString(names) : id + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
