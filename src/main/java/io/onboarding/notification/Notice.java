package io.onboarding.notification;

/**
 * One rendered notice. The body may hold a temporary password: {@link #toString()} leaves it out, so that
 * no log line can carry it.
 *
 * @param language the language the notice is written in (the row's, or English when there is no template)
 */
public record Notice(NoticeKind kind, String customerDomain, String recipient, String language, String subject,
        String body) {

    @Override
    public String toString() {
        return "Notice[kind=" + kind + ", customerDomain=" + customerDomain + ", recipient=" + recipient
                + ", language=" + language + "]";
    }
}
