package io.onboarding.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provisioning ledger: per customer domain, the steps Google has confirmed. Every write commits in
 * its own transaction at once — not with the chunk — because the call it records cannot be rolled back.
 */
@Repository
public class ProvisioningLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public ProvisioningLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    private static final String COLUMNS = """
            CUSTOMER_DOMAIN, CUSTOMER_ID, CUSTOMER_TYPE, TRANSFERRED, LANGUAGE, ADMIN_ATTEMPTED_EMAIL,
                ADMIN_EMAIL, ADMIN_CREATED_AT, ADMIN_PROMOTED_AT, COMPLETED_BY_RUN, COMPLETED_AT, NOTICE_STATUS,
                NOTICE_RECIPIENT, NOTICE_LANGUAGE, NOTICE_CONTACT, NOTICE_ORGANIZATION, NOTICE_FOLDER""";

    public Optional<LedgerEntry> find(String customerDomain) {
        return ownTransaction.execute(status -> jdbc.sql("SELECT " + COLUMNS
                + " FROM PROVISIONING_LEDGER WHERE CUSTOMER_DOMAIN = ?")
                .param(customerDomain)
                .query(ProvisioningLedger::entry)
                .optional());
    }

    /** Complete customers whose notice is still owed (failed, or cut short by a crash), oldest first. */
    public java.util.List<LedgerEntry> owedNotices() {
        return ownTransaction.execute(status -> jdbc.sql("SELECT " + COLUMNS + " FROM PROVISIONING_LEDGER"
                + " WHERE COMPLETED_BY_RUN IS NOT NULL AND NOTICE_STATUS IN ('PENDING', 'ATTEMPTED', 'FAILED')"
                + " ORDER BY COMPLETED_AT")
                .query(ProvisioningLedger::entry)
                .list());
    }

    /** Complete customers whose notice a crash left uncertain, oldest first. */
    public java.util.List<LedgerEntry> uncertainNotices() {
        return ownTransaction.execute(status -> jdbc.sql("SELECT " + COLUMNS + " FROM PROVISIONING_LEDGER"
                + " WHERE NOTICE_STATUS = 'UNCERTAIN' ORDER BY COMPLETED_AT")
                .query(ProvisioningLedger::entry)
                .list());
    }

    private static LedgerEntry entry(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        String notice = rs.getString(12);
        return new LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8) != null, rs.getTimestamp(9) != null,
                rs.getObject(10, Long.class), localTime(rs.getTimestamp(11)),
                notice == null ? null : NoticeStatus.valueOf(notice),
                rs.getString(13) == null ? null
                        : new NoticeAddress(rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16)),
                rs.getString(17) == null ? null : java.nio.file.Path.of(rs.getString(17)));
    }

    public void customerOrdered(String customerDomain, String customerId, String customerType, boolean transferred) {
        // Standard SQL's MERGE (H2, PostgreSQL 15+); the casts type parameters PostgreSQL cannot infer in VALUES.
        write("""
                MERGE INTO PROVISIONING_LEDGER T
                USING (VALUES (CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(10)),
                    CAST(? AS BOOLEAN), CAST(? AS TIMESTAMP)))
                    AS S (CUSTOMER_DOMAIN, CUSTOMER_ID, CUSTOMER_TYPE, TRANSFERRED, ORDERED_AT)
                ON T.CUSTOMER_DOMAIN = S.CUSTOMER_DOMAIN
                WHEN MATCHED THEN UPDATE SET CUSTOMER_ID = S.CUSTOMER_ID, CUSTOMER_TYPE = S.CUSTOMER_TYPE,
                    TRANSFERRED = S.TRANSFERRED, ORDERED_AT = S.ORDERED_AT
                WHEN NOT MATCHED THEN INSERT (CUSTOMER_DOMAIN, CUSTOMER_ID, CUSTOMER_TYPE, TRANSFERRED, ORDERED_AT)
                    VALUES (S.CUSTOMER_DOMAIN, S.CUSTOMER_ID, S.CUSTOMER_TYPE, S.TRANSFERRED, S.ORDERED_AT)""",
                customerDomain, customerId, customerType, transferred, now());
    }

    public void languageSet(String customerDomain, String language) {
        write("UPDATE PROVISIONING_LEDGER SET LANGUAGE = ?, LANGUAGE_SET_AT = ? WHERE CUSTOMER_DOMAIN = ?",
                language, now(), customerDomain);
    }

    /** Written before users.insert is sent: from here on, a 409 for this address may be our own user. */
    public void adminAttempted(String customerDomain, String adminEmail) {
        write("UPDATE PROVISIONING_LEDGER SET ADMIN_ATTEMPTED_EMAIL = ? WHERE CUSTOMER_DOMAIN = ?", adminEmail,
                customerDomain);
    }

    public void adminCreated(String customerDomain, String adminEmail) {
        write("UPDATE PROVISIONING_LEDGER SET ADMIN_EMAIL = ?, ADMIN_CREATED_AT = ? WHERE CUSTOMER_DOMAIN = ?",
                adminEmail, now(), customerDomain);
    }

    /**
     * The customer is complete: from now on it is owed a notice, addressed as given, which the run writes into
     * its own folder (an outbox notice is looked for there after a crash). A domain customer's admin was
     * promoted just before; that is recorded here rather than in a write of its own. (The cast types the parameter,
     * which PostgreSQL cannot infer inside CASE.)
     */
    public void completed(String customerDomain, ProvisioningRun run, NoticeAddress notice) {
        Timestamp now = now();
        write("""
                UPDATE PROVISIONING_LEDGER SET COMPLETED_BY_RUN = ?, COMPLETED_AT = ?, NOTICE_STATUS = 'PENDING',
                    NOTICE_RECIPIENT = ?, NOTICE_LANGUAGE = ?, NOTICE_CONTACT = ?, NOTICE_ORGANIZATION = ?,
                    NOTICE_FOLDER = ?,
                    ADMIN_PROMOTED_AT = CASE WHEN ADMIN_EMAIL IS NULL THEN NULL ELSE CAST(? AS TIMESTAMP) END
                WHERE CUSTOMER_DOMAIN = ?""", run.id(), now, notice.recipient(), notice.language(),
                truncate(notice.contactName()), truncate(notice.organizationName()), run.folder().toString(), now,
                customerDomain);
    }

    /**
     * Written before a run other than the one that completed the customer (or an operator's notify) writes
     * its notice into its own folder: after a crash, that folder is where the attempt is looked for.
     */
    public void noticeFolder(String customerDomain, java.nio.file.Path folder) {
        write("UPDATE PROVISIONING_LEDGER SET NOTICE_FOLDER = ? WHERE CUSTOMER_DOMAIN = ?", folder.toString(),
                customerDomain);
    }

    /**
     * Written just before a notice is handed to the mail server or the outbox, so that a crash in between
     * is known; then {@code SENT}, {@code FAILED} (with why) or {@code SKIPPED}.
     */
    public void notice(String customerDomain, NoticeStatus status, String error) {
        write("UPDATE PROVISIONING_LEDGER SET NOTICE_STATUS = ?, NOTICE_ERROR = ?, NOTIFIED_AT = ? "
                + "WHERE CUSTOMER_DOMAIN = ?", status.name(), error == null ? null : error.substring(0,
                        Math.min(error.length(), 1000)), status == NoticeStatus.SENT ? now() : null, customerDomain);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 300 ? value : value.substring(0, 300);
    }

    private void write(String sql, Object... parameters) {
        ownTransaction.executeWithoutResult(status -> {
            int rows = jdbc.sql(sql).params(parameters).update();
            if (rows != 1) {
                throw new IllegalStateException("The ledger has no entry to update: " + parameters[parameters.length - 1]);
            }
        });
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock));
    }

    private static LocalDateTime localTime(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
