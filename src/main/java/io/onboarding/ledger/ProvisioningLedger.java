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

    public Optional<LedgerEntry> find(String customerDomain) {
        return ownTransaction.execute(status -> jdbc.sql("""
                SELECT CUSTOMER_DOMAIN, CUSTOMER_ID, CUSTOMER_TYPE, TRANSFERRED, LANGUAGE, ADMIN_ATTEMPTED_EMAIL,
                    ADMIN_EMAIL, ADMIN_CREATED_AT, ADMIN_PROMOTED_AT, COMPLETED_BY_RUN, COMPLETED_AT
                FROM PROVISIONING_LEDGER WHERE CUSTOMER_DOMAIN = ?""")
                .param(customerDomain)
                .query((rs, rowNum) -> new LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8) != null, rs.getTimestamp(9) != null, rs.getObject(10, Long.class),
                        localTime(rs.getTimestamp(11))))
                .optional());
    }

    public void customerOrdered(String customerDomain, String customerId, String customerType, boolean transferred) {
        write("""
                MERGE INTO PROVISIONING_LEDGER (CUSTOMER_DOMAIN, CUSTOMER_ID, CUSTOMER_TYPE, TRANSFERRED, ORDERED_AT)
                KEY (CUSTOMER_DOMAIN) VALUES (?, ?, ?, ?, ?)""", customerDomain, customerId, customerType, transferred,
                now());
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

    public void adminPromoted(String customerDomain) {
        write("UPDATE PROVISIONING_LEDGER SET ADMIN_PROMOTED_AT = ? WHERE CUSTOMER_DOMAIN = ?", now(),
                customerDomain);
    }

    public void completed(String customerDomain, long runId) {
        write("UPDATE PROVISIONING_LEDGER SET COMPLETED_BY_RUN = ?, COMPLETED_AT = ? WHERE CUSTOMER_DOMAIN = ?",
                runId, now(), customerDomain);
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
