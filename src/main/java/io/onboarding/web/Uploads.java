package io.onboarding.web;

import io.onboarding.schedule.InboxProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded CSV files in {@code <inbox>/uploads/}, under server-made names: the browser's file name
 * is shown, never used as a path. Outside the inbox itself, so that serve's nightly tick does not run them.
 */
@Component
public class Uploads {

    private static final Pattern ID = Pattern.compile("u-\\d{8}-\\d{6}-[0-9a-f]{8}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String NAMES = ".names";

    private final Path folder;
    private final SecureRandom random = new SecureRandom();

    Uploads(InboxProperties inbox) {
        this.folder = inbox.dir().resolve("uploads");
    }

    /**
     * Why the browser's file name is refused, or null: only a plain {@code .csv} name, no folder in it —
     * a name like {@code ../../etc/passwd.csv} says the client is not a browser an operator uses.
     */
    static String nameProblem(String originalName) {
        if (originalName == null || originalName.isBlank()) {
            return "The upload has no file name; choose a .csv file.";
        }
        if (originalName.contains("/") || originalName.contains("\\") || originalName.contains("..")
                || originalName.chars().anyMatch(Character::isISOControl)) {
            return "The file name '" + originalName.replaceAll("\\p{Cntrl}", "?") + "' is not a plain file name.";
        }
        if (!originalName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return "Only .csv files can be uploaded ('" + originalName + "' is not one): save it from your "
                    + "spreadsheet as 'CSV UTF-8'.";
        }
        return null;
    }

    public Upload store(String originalName, InputStream content) {
        String id = "u-" + STAMP.format(LocalDateTime.now()) + "-" + HexFormat.of().toHexDigits(random.nextInt());
        Path file = folder.resolve(id + ".csv");
        try {
            Files.createDirectories(folder);
            Files.copy(content, file);
            Files.writeString(folder.resolve(id + NAMES), originalName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the upload in " + folder, e);
        }
        return new Upload(id, file, originalName);
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
