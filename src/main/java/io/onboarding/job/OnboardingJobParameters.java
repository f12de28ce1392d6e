package io.onboarding.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters that identify a run: the input file's absolute path and a SHA-256 of its content.
 * The same file launched again is the same run (refused once complete, resumed when it failed); a file
 * whose content changed under the same name is a new run.
 */
public final class OnboardingJobParameters {

    public static final String INPUT_FILE = "input.file";
    public static final String INPUT_SHA256 = "input.sha256";
    public static final String DRY_RUN = "dry.run";
    /** Only dry runs carry it: a dry run may be repeated at will, and never blocks the real run. */
    public static final String DRY_RUN_AT = "dry.run.at";

    private OnboardingJobParameters() {
    }

    public static JobParameters forFile(Path input) {
        return builder(input).addString(DRY_RUN, "false", true).toJobParameters();
    }

    /** A dry run: validates the file and writes the reports without any API call. */
    public static JobParameters forDryRun(Path input, Instant at) {
        return builder(input)
                .addString(DRY_RUN, "true", true)
                .addString(DRY_RUN_AT, at.toString(), true)
                .toJobParameters();
    }

    private static JobParametersBuilder builder(Path input) {
        Path absolute = input.toAbsolutePath().normalize();
        return new JobParametersBuilder()
                .addString(INPUT_FILE, absolute.toString(), true)
                .addString(INPUT_SHA256, sha256(absolute), true);
    }

    static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
