package io.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.sandbox.SandboxAccounts;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.TestPropertySource;

/** The customer notices, end to end: the real job, the sandbox, and a real SMTP server (GreenMail). */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "onboarding.notices.reseller-name=Reseller AG", "onboarding.notices.from=onboarding@reseller.example"})
class NoticesEndToEndTests extends JobEndToEndTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(patientSmtp());

    /** A loaded machine (CI, parallel builds) can take more than GreenMail's default 2 s to bind. */
    private static com.icegreen.greenmail.util.ServerSetup patientSmtp() {
        com.icegreen.greenmail.util.ServerSetup setup = ServerSetupTest.SMTP.createCopy();
        setup.setServerStartupTimeout(15_000);
        return setup;
    }

    @Test
    void eachOnboardedCustomerGetsExactlyOneNoticeInItsLanguageWithThePasswordGoogleGot() throws Exception {
        sandbox.accounts().seed("moving-to-us.com", false);

        JobExecution execution = jobs.startJob(OnboardingJobParameters.forFile(fixture("notices.csv")));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, MimeMessage> byRecipient = byRecipient();
        assertThat(byRecipient.keySet()).containsExactlyInAnyOrder("dana@example.de", "ivo@example.it",
                "ina@example.id", "vu@example.vn", "eva@example.es", "mo@example.com");
        assertThat(smtp.getReceivedMessages()).as("one each, none twice").hasSize(6);

        assertDomainNotice(byRecipient.get("dana@example.de"), "de", "admin@deutsch-kunde.de", "ist eingerichtet");
        assertDomainNotice(byRecipient.get("ivo@example.it"), "it", "admin@cliente-italiano.it", "è pronto");
        assertDomainNotice(byRecipient.get("ina@example.id"), "id", "admin@pelanggan.co.id", "sudah siap");
        assertDomainNotice(byRecipient.get("vu@example.vn"), "vi", "admin@khach-hang.vn", "đã sẵn sàng");

        MimeMessage team = byRecipient.get("eva@example.es");
        assertThat(team.getHeader("Content-Language")).containsExactly("es");
        assertThat(team.getSubject()).contains("Equipo Nuevo");
        assertThat((String) team.getContent()).contains("eva@example.es", "Google Workspace via Reseller");
        MimeMessage transferred = byRecipient.get("mo@example.com");
        assertThat(transferred.getHeader("Content-Language")).containsExactly("en");
        assertThat(transferred.getSubject()).isEqualTo(
                "Your Google Workspace account for moving-to-us.com has been transferred to Reseller AG");

        assertThat(jdbc.sql("SELECT CUSTOMER_DOMAIN, NOTICE_STATUS FROM PROVISIONING_LEDGER ORDER BY 1")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list()).containsExactly(
                        "cliente-italiano.it=SENT", "deutsch-kunde.de=SENT", "equipo-nuevo.es=SENT", "khach-hang.vn=SENT",
                        "moving-to-us.com=SENT", "pelanggan.co.id=SENT");
        String results = Files.readString(resultsOf(execution));
        for (String admin : List.of("admin@deutsch-kunde.de", "admin@cliente-italiano.it", "admin@pelanggan.co.id",
                "admin@khach-hang.vn")) {
            assertThat(results).doesNotContain(sandbox.password(admin).orElseThrow());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM PROVISIONING_LEDGER WHERE NOTICE_ERROR IS NOT NULL").query(Long.class)
                .single()).isZero();
    }

    @Test
    void whenTheMailServerIsDownTheCustomerIsOnboardedAndTheNextRunSendsTheNoticeWithANewPassword() throws Exception {
        smtp.stop();
        Path monday = write("monday.csv", "customerDomain,organizationName,contactName,postalCode,countryCode,"
                + "alternateEmail,language,adminGivenName,adminFamilyName\n"
                + "outage-day.de,Outage GmbH,Otto Outage,10115,DE,otto@example.de,de,Otto,Outage\n");

        JobExecution first = jobs.startJob(OnboardingJobParameters.forFile(monday));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String[]> rows = readCsv(resultsOf(first), ',');
        assertThat(rows.get(1)[3]).isEqualTo("ONBOARDED");
        assertThat(rows.get(1)[8]).startsWith("notice: not sent (the mail server did not take the notice for "
                + "otto@example.de").endsWith("the next run sends it again");
        assertThat(noticeStatus("outage-day.de")).isEqualTo("FAILED");
        String firstPassword = sandbox.password("admin@outage-day.de").orElseThrow();

        smtp.start();
        Path tuesday = write("tuesday.csv", "customerDomain,organizationName,contactName,postalCode,countryCode,"
                + "alternateEmail,adminGivenName,adminFamilyName\n"
                + "next-day.com,Next Inc.,Nia Next,12345,US,nia@example.com,Nia,Next\n");
        JobExecution second = jobs.startJob(OnboardingJobParameters.forFile(tuesday));

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, MimeMessage> byRecipient = byRecipient();
        assertThat(byRecipient.keySet()).containsExactlyInAnyOrder("otto@example.de", "nia@example.com");
        String newPassword = sandbox.password("admin@outage-day.de").orElseThrow();
        assertThat(newPassword).isNotEqualTo(firstPassword);
        assertDomainNotice(byRecipient.get("otto@example.de"), "de", "admin@outage-day.de", "ist eingerichtet");
        assertThat(sandbox.requests().stream().filter(r -> r.call().equals("users.update")).count()).isEqualTo(1);
        assertThat(noticeStatus("outage-day.de")).isEqualTo("SENT");
    }

    @Test
    void aRecipientTheMailServerRejectsIsOnboardedAndItsNoticeIsRetriedByTheNextRun() throws Exception {
        smtp.stop();
        Path file = write("rejected.csv", "customerDomain,organizationName,contactName,postalCode,countryCode,"
                + "alternateEmail,adminGivenName,adminFamilyName\n"
                + "no-mailbox.com,Nomail Inc.,Nora Nomail,12345,US,nora@example.com,Nora,Nomail\n"
                + "has-mailbox.com,Mail Inc.,Max Mail,12345,US,max@example.com,Max,Mail\n");
        JobExecution first;
        try (RejectingSmtpServer rejecting = new RejectingSmtpServer(3025, java.util.Set.of("nora@example.com"))) {
            first = jobs.startJob(OnboardingJobParameters.forFile(file));
            assertThat(rejecting.accepted()).as("max's notice").isEqualTo(1);
        }

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String[]> rows = readCsv(resultsOf(first), ',');
        assertThat(rows.get(1)[3]).isEqualTo("ONBOARDED");
        assertThat(rows.get(1)[8]).contains("notice: not sent", "nora@example.com", "550 5.1.1",
                "the next run sends it again");
        assertThat(rows.get(2)[3]).isEqualTo("ONBOARDED");
        assertThat(rows.get(2)[8]).isEmpty();
        assertThat(noticeStatus("no-mailbox.com")).isEqualTo("FAILED");
        assertThat(noticeStatus("has-mailbox.com")).isEqualTo("SENT");

        // the customer's mailbox was fixed; the next run, of any file, sends the notice
        smtp.start();
        jobs.startJob(OnboardingJobParameters.forFile(write("later.csv", "customerDomain,organizationName,contactName,"
                + "postalCode,countryCode,alternateEmail,adminGivenName,adminFamilyName\n"
                + "later-one.com,Later Inc.,Lea Later,12345,US,lea@example.com,Lea,Later\n")));

        assertThat(byRecipient().keySet()).containsExactlyInAnyOrder("nora@example.com", "lea@example.com");
        assertDomainNotice(byRecipient().get("nora@example.com"), "en", "admin@no-mailbox.com", "is ready");
        assertThat(noticeStatus("no-mailbox.com")).isEqualTo("SENT");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.onboarding.notification.CustomerNotices notices;

    @org.springframework.beans.factory.annotation.Autowired
    io.onboarding.notification.OperatorNotices operator;

    @Test
    void aNoticeACrashCutShortAtTheMailServerIsNotSentAgainButNamedUntilAnOperatorSendsIt() throws Exception {
        Path file = write("cut-short.csv", "customerDomain,organizationName,contactName,postalCode,countryCode,"
                + "alternateEmail,adminGivenName,adminFamilyName\n"
                + "cut-short.com,Cut Inc.,Cora Cut,12345,US,cora@example.com,Cora,Cut\n");
        JobExecution first = jobs.startJob(OnboardingJobParameters.forFile(file));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        String firstPassword = sandbox.password("admin@cut-short.com").orElseThrow();
        // what a SIGKILL while the mail server had the message leaves behind
        jdbc.sql("UPDATE PROVISIONING_LEDGER SET NOTICE_STATUS = 'ATTEMPTED' WHERE CUSTOMER_DOMAIN = ?")
                .param("cut-short.com").update();

        // the restarted chunk hands the customer over again: nothing is sent, the row says why and what to do
        String warning = notices.handOver("cut-short.com", null, ProvisioningRun.of(99, tmp));
        assertThat(warning).isEqualTo("notice: a crash cut its sending to cora@example.com short, so it may have "
                + "arrived; not sent again, so that nobody gets two with different passwords. If it did not arrive: "
                + "notify cut-short.com");
        assertThat(notices.handOver("cut-short.com", null, ProvisioningRun.of(99, tmp))).as("said again, not sent").isEqualTo(warning);
        assertThat(noticeStatus("cut-short.com")).isEqualTo("UNCERTAIN");
        // nor does a later run send it by itself
        jobs.startJob(OnboardingJobParameters.forFile(write("later.csv", "customerDomain,organizationName,"
                + "contactName,postalCode,countryCode,alternateEmail,adminGivenName,adminFamilyName\n"
                + "after-cut.com,After Inc.,Abe After,12345,US,abe@example.com,Abe,After\n")));
        assertThat(byRecipient().keySet()).containsExactlyInAnyOrder("cora@example.com", "abe@example.com");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(noticeStatus("cut-short.com")).isEqualTo("UNCERTAIN");
        assertThat(sandbox.password("admin@cut-short.com").orElseThrow()).isEqualTo(firstPassword);

        // the operator asks for it: sent once more, with a new password, so the first one's stops working
        io.onboarding.notification.OperatorNotices.Resend resend = operator.resend("cut-short.com", tmp);
        assertThat(resend.problem()).isNull();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        String newPassword = sandbox.password("admin@cut-short.com").orElseThrow();
        assertThat(newPassword).isNotEqualTo(firstPassword);
        List<String> toCora = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals("cora@example.com")) {
                toCora.add((String) message.getContent());
            }
        }
        assertThat(toCora).hasSize(2).anyMatch(body -> body.contains(firstPassword))
                .anyMatch(body -> body.contains(newPassword) && !body.contains(firstPassword));
        assertThat(noticeStatus("cut-short.com")).isEqualTo("SENT");
        assertThat(operator.resend("never-onboarded.com", tmp)).isEqualTo(new io.onboarding.notification.OperatorNotices
                .Resend(false, "never-onboarded.com is not a customer this job has onboarded completely; the "
                        + "results.csv of its run says where it stands"));
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private void assertDomainNotice(MimeMessage message, String language, String admin, String subjectWords)
            throws Exception {
        assertThat(message.getHeader("Content-Language")).containsExactly(language);
        assertThat(message.getSubject()).contains(subjectWords);
        String body = (String) message.getContent();
        SandboxAccounts.SandboxUser user = sandbox.accounts().user(admin).orElseThrow();
        assertThat(user.superAdmin()).isTrue();
        assertThat(body).contains(admin, "https://admin.google.com", "Google Workspace via Reseller", "Reseller AG")
                .contains(sandbox.password(admin).orElseThrow());
        assertThat(Arrays.stream(message.getFrom()).map(Object::toString)).containsExactly("onboarding@reseller.example");
    }

    private Map<String, MimeMessage> byRecipient() throws Exception {
        Map<String, MimeMessage> messages = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            messages.put(message.getAllRecipients()[0].toString(), message);
        }
        return messages;
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content);
    }
}
