package io.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads hold passwords: each is deleted once older than the retention, at start and daily; reports stay. */
class UploadRetentionSecurityTests {

    @TempDir
    Path tmp;

    @Test
    void uploadsOlderThanTheRetentionAreDeletedAndNewerOnesAndReportsStay() throws Exception {
        // given two uploads, one stored 8 days before "now", one 6 days before, and a report
        Instant now = Instant.parse("2026-12-04T02:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Uploads uploads = new Uploads(new UploadProperties(tmp.resolve("inbox/uploads"), Duration.ofDays(7)), clock);
        Upload old = uploads.store("old.csv", new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8)));
        Upload recent = uploads.store("recent.csv", new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8)));
        Files.setLastModifiedTime(old.file(), FileTime.from(now.minus(Duration.ofDays(8))));
        Files.setLastModifiedTime(recent.file(), FileTime.from(now.minus(Duration.ofDays(6))));
        Path report = Files.createDirectories(tmp.resolve("reports/old-run1")).resolve("results.csv");
        Files.writeString(report, "x");

        // when
        new UploadRetention(uploads, new UploadProperties(tmp.resolve("inbox/uploads"), Duration.ofDays(7)), clock).deleteExpired();

        // then
        assertThat(old.file()).doesNotExist();
        assertThat(old.file().resolveSibling(old.id() + ".names")).doesNotExist();
        assertThat(uploads.find(recent.id())).isPresent();
        assertThat(report).exists();
    }
}
