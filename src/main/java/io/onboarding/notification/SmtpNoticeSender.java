package io.onboarding.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends notices through the SMTP server of {@code spring.mail.*}. */
final class SmtpNoticeSender implements NoticeSender {

    private final JavaMailSender mail;
    private final String from;

    SmtpNoticeSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(Notice notice, Path runFolder) throws NoticeDeliveryException {
        try {
            MimeMessage message = MimeNotices.message(mail.createMimeMessage().getSession(), notice, from);
            mail.send(message);
        } catch (MailException | MessagingException e) {
            // The exception names the server and the refusal, never the message body.
            throw new NoticeDeliveryException("the mail server did not take the notice for " + notice.recipient()
                    + " (" + rootMessage(e) + ")", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
