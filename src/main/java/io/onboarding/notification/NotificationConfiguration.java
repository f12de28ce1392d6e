package io.onboarding.notification;

import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.system.OnboardingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Notices go by SMTP when {@code spring.mail.host} is configured, else into each run's outbox folder. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    NoticeDelivery noticeDelivery(ProvisioningLedger ledger, AdminPasswordReset passwordReset,
            NoticeTemplates templates, NoticeProperties properties, OnboardingProperties onboarding,
            ObjectProvider<JavaMailSender> mail) {
        JavaMailSender smtp = mail.getIfAvailable();
        NoticeSender sender = smtp != null ? new SmtpNoticeSender(smtp, properties.from())
                : new OutboxNoticeSender(properties.from());
        if (!properties.enabled()) {
            log.info("Notices: off (--no-notify){}", onboarding.credentialsFile() ? "; credentials go to each run's "
                    + CredentialsFile.NAME : "");
        } else {
            log.info("Notices: {}", smtp != null ? "sent by SMTP" : "written as .eml files into each run's "
                    + OutboxNoticeSender.OUTBOX + "/ folder (no spring.mail.host configured)");
        }
        return new NoticeDelivery(ledger, passwordReset, templates, sender, properties, onboarding.credentialsFile());
    }
}
