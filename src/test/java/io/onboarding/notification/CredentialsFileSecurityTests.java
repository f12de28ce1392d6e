package io.onboarding.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** credentials.csv holds passwords: owner-only, and no cell of it runs as a formula in a spreadsheet. */
class CredentialsFileSecurityTests {

    @TempDir
    Path tmp;

    @Test
    void aPasswordThatLooksLikeAFormulaIsNeutralisedLikeTheReportsAndTheFileIsOwnerOnly() throws Exception {
        // when
        CredentialsFile.append(tmp, "acme.de", "admin@acme.de", "=Secret123!x");
        CredentialsFile.append(tmp, "beta.de", "@admin@beta.de", "plain-Secret123");

        // then
        Path file = tmp.resolve(CredentialsFile.NAME);
        assertThat(Files.readAllLines(file)).containsExactly(
                "\"customerDomain\",\"adminEmail\",\"temporaryPassword\"",
                "\"acme.de\",\"admin@acme.de\",\"'=Secret123!x\"",
                "\"beta.de\",\"'@admin@beta.de\",\"plain-Secret123\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
