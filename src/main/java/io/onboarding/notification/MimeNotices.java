package io.onboarding.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** Turns a notice into a MIME message: UTF-8 plain text, with the notice's language declared. */
final class MimeNotices {

    /** For .eml files: a session is costly to make (it reads the mail providers from the class path). */
    private static final Session FILES = Session.getInstance(new Properties());

    private MimeNotices() {
    }

    static MimeMessage message(Session session, Notice notice, String from) throws MessagingException {
        MimeMessage message = new MimeMessage(session == null ? FILES : session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(notice.recipient()));
        message.setSubject(notice.subject(), "UTF-8");
        message.setText(notice.body(), "UTF-8");
        message.setHeader("Content-Language", notice.language());
        message.setSentDate(new Date());
        return message;
    }
}
