package io.onboarding.notification;

import io.onboarding.system.OwnerOnlyFiles;
import jakarta.mail.MessagingException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each notice as an .eml file into the run's {@code outbox/} folder, for the reseller to send with
 * their own mail tool; the sandbox default. Files hold passwords: they are created owner-read-only.
 */
final class OutboxNoticeSender implements NoticeSender {

    static final String OUTBOX = "outbox";

    private final String from;

    OutboxNoticeSender(String from) {
        this.from = from;
    }

    @Override
    public void send(Notice notice, Path runFolder) throws NoticeDeliveryException {
        Path target = file(notice.kind(), notice.customerDomain(), runFolder);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            OwnerOnlyFiles.create(partial);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                MimeNotices.message(null, notice, from).writeTo(out);
            }
            // Whole or not at all: a crash never leaves half a message that looks sent.
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | MessagingException e) {
            throw new NoticeDeliveryException("could not write " + target + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public boolean leavesItsOwnTrace() {
        return true;
    }

    @Override
    public CutShort earlierAttempt(NoticeKind kind, String customerDomain, Path runFolder) {
        // The file is moved into place whole, so its presence is the answer.
        return Files.exists(file(kind, customerDomain, runFolder)) ? CutShort.DELIVERED : CutShort.NOT_DELIVERED;
    }

    private static Path file(NoticeKind kind, String customerDomain, Path runFolder) {
        return runFolder.resolve(OUTBOX).resolve(customerDomain + "-" + kind.templateName() + ".eml");
    }

}
