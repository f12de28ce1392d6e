package io.onboarding.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    private OnboardingJobParameters() {
    }

    public static JobParameters forFile(Path input) {
        Path absolute = input.toAbsolutePath().normalize();
        return new JobParametersBuilder()
                .addString(INPUT_FILE, absolute.toString(), true)
                .addString(INPUT_SHA256, sha256(absolute), true)
                .toJobParameters();
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
