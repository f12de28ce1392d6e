package io.onboarding.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which process runs a job execution, and until when it vouches for it. The running process renews the lease (with
 * its domain claims); another process on the same host asks the operating system whether the holder lives, one on
 * another host cannot, so for it a run whose lease ran out is dead and may be recovered.
 */
@Repository
public class RunLeases {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration lease;

    public RunLeases(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
            LedgerProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // Committed at once, whatever the caller's transaction: another process must see it now.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.lease = properties.claimLease();
    }

    /** This process runs the execution from now on. */
    public void hold(long executionId) {
        ProcessIdentity self = ProcessIdentity.current();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM RUN_LEASE WHERE JOB_EXECUTION_ID = ?").param(executionId).update();
            jdbc.sql("INSERT INTO RUN_LEASE (JOB_EXECUTION_ID, HOST, PID, PROCESS_STARTED, EXPIRES_AT) "
                    + "VALUES (?, ?, ?, ?, ?)").param(executionId).param(self.host()).param(self.pid())
                    .param(self.started()).param(expiry()).update();
        });
    }

    public void renew(long executionId) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("UPDATE RUN_LEASE SET EXPIRES_AT = ? "
                + "WHERE JOB_EXECUTION_ID = ?").param(expiry()).param(executionId).update());
    }

    public void release(long executionId) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM RUN_LEASE WHERE JOB_EXECUTION_ID = ?")
                .param(executionId).update());
    }

    /** Who holds the execution, or empty when nobody recorded it (a run of a release before leases). */
    public Optional<Lease> of(long executionId) {
        return jdbc.sql("SELECT HOST, PID, PROCESS_STARTED, EXPIRES_AT FROM RUN_LEASE WHERE JOB_EXECUTION_ID = ?")
                .param(executionId)
                .query((row, number) -> new Lease(new ProcessIdentity(row.getString(1), row.getLong(2),
                        row.getString(3)), row.getTimestamp(4).toLocalDateTime()))
                .optional();
    }

    /** Whether the holder may still be running it: alive on this host, or on another host within its lease. */
    public boolean isAlive(Lease lease) {
        if (lease.holder().host().equals(ProcessIdentity.current().host())) {
            return !lease.holder().isDeadHere();
        }
        return lease.expiresAt().isAfter(LocalDateTime.now(clock));
    }

    private Timestamp expiry() {
        return Timestamp.valueOf(LocalDateTime.now(clock).plus(lease));
    }

    /** The process running an execution, and when its word runs out. */
    public record Lease(ProcessIdentity holder, LocalDateTime expiresAt) {
    }
}
