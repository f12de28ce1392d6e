package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.job.Jvms.JobProcess;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that once took memory the size of the file, checked as an operator runs them: a JVM of its own with a
 * 256 MB heap (the resident memory, which also holds classes, code and thread stacks, is printed).
 */
@Tag("slow")
class HostileFilesMemorySecurityTests {

    private static final String HEADER = "customerDomain,customerType,organizationName,contactName,addressLine1,"
            + "locality,postalCode,countryCode,alternateEmail,language,adminGivenName,adminFamilyName";

    @TempDir
    Path tmp;

    @Test
    void a60MegabyteFileWithExcelForMacLineEndingsIsValidatedWithin256Megabytes() throws Exception {
        // given "CSV (Macintosh)": every row ended by a lone CR, 60 MB
        Path file = tmp.resolve("mac.csv");
        int rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\r");
            while (Files.size(file) < 60L * 1024 * 1024 || rows % 10_000 != 0) {
                rows++;
                out.write("c" + rows + ".example.com,domain,Org " + rows + ",Anna Muster,Weg 1,Berlin,10115,DE,"
                        + "it@partner.example.org,de,Anna,Muster\r");
                if (rows % 10_000 == 0) {
                    out.flush();
                }
            }
        }

        // when
        JobProcess validate = JobProcess.start(arguments("validate", file));
        PeakMemory peak = PeakMemory.watch(validate);
        int exit = validate.awaitExit();

        // then
        System.out.printf("[memory] validate of a %d MB CR-only file (%,d rows): exit %d, peak RSS %d MB%n",
                Files.size(file) / (1024 * 1024), rows, exit, peak.megabytes());
        assertThat(exit).as(validate.output()).isZero();
        assertThat(validate.output()).doesNotContain("OutOfMemoryError").contains(rows + " rows to process");
    }

    @Test
    void a19MegabyteRowIsRefusedNamingItsLineWithin256Megabytes() throws Exception {
        // given one row of 19 MB after a good one
        Path file = tmp.resolve("wide.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            out.write("a.example.com,domain,Org,Anna Muster,Weg 1,Berlin,10115,DE,it@partner.example.org,de,Anna,M\n");
            out.write("b.example.com,domain,");
            for (int i = 0; i < 19 * 1024; i++) {
                out.write("x".repeat(1024));
            }
            out.write("\n");
        }

        // when
        JobProcess validate = JobProcess.start(arguments("validate", file));
        PeakMemory peak = PeakMemory.watch(validate);
        int exit = validate.awaitExit();

        // then
        System.out.printf("[memory] validate of a 19 MB one-row file: exit %d, peak RSS %d MB%n", exit,
                peak.megabytes());
        assertThat(exit).as(validate.output()).isEqualTo(2);
        assertThat(validate.output()).contains("Line 3: the cell in column 3 is longer than 1,000 characters")
                .doesNotContain("OutOfMemoryError");
    }

    private String[] arguments(String command, Path file) {
        return List.of(command, file.toString(), "--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("db/onboarding"),
                "--onboarding.report-dir=" + tmp.resolve("reports"), "--logging.file.name=" + tmp.resolve("log"))
                .toArray(String[]::new);
    }

    /** The process's peak resident memory (Linux's VmHWM), read until the process is gone. */
    private static final class PeakMemory {

        private volatile long kilobytes;

        static PeakMemory watch(JobProcess process) {
            PeakMemory peak = new PeakMemory();
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            Thread reader = new Thread(() -> {
                while (true) {
                    try {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmHWM:")) {
                                peak.kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                            }
                        }
                        Thread.sleep(50);
                    } catch (Exception gone) {
                        return;
                    }
                }
            });
            reader.setDaemon(true);
            reader.start();
            return peak;
        }

        long megabytes() {
            return kilobytes / 1024;
        }
    }
}
