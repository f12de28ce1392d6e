package io.onboarding.notification;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.onboarding.csv.SpreadsheetCells;
import io.onboarding.system.OwnerOnlyFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * {@code credentials.csv} in a run's folder, when the reseller asks for it ({@code onboarding.credentials-file}):
 * each new admin's address and first password, for resellers who hand them over themselves. Created 0600.
 */
final class CredentialsFile {

    static final String NAME = "credentials.csv";
    private static final String[] HEADER = {"customerDomain", "adminEmail", "temporaryPassword"};

    private CredentialsFile() {
    }

    static synchronized void append(Path runFolder, String customerDomain, String adminEmail, String password) {
        Path file = runFolder.resolve(NAME);
        try {
            Files.createDirectories(runFolder);
            StringBuilder lines = new StringBuilder();
            if (!Files.exists(file)) {
                OwnerOnlyFiles.create(file);
                lines.append(csv(HEADER));
            }
            // Neutralised like the reports: a supplied password "=Secret123!x" must not be a live formula in a
            // spreadsheet. The apostrophe that stops it is not part of the password (the README says so).
            lines.append(csv(Stream.of(customerDomain, adminEmail, password).map(SpreadsheetCells::neutralise)
                    .toArray(String[]::new)));
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String csv(String[] cells) {
        StringWriter out = new StringWriter();
        try (ICSVWriter writer = new CSVWriterBuilder(out).build()) {
            writer.writeNext(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
