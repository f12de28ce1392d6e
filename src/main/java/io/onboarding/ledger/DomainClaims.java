package io.onboarding.ledger;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims on customer domains, in the ledger's database: whoever works on a customer — a run's row, a run
 * sending owed notices, an operator's notify — claims its domain before the first call and releases it
 * after the last, so that two runs sharing the ledger (two uploads in one console, the nightly inbox and
 * an upload, two hosts) never both order, create an admin or send a notice. A claim carries a lease that
 * its run renews ({@link #renew}); one whose holder died is taken over once the lease ran out — at once when
 * the holder was this same run (resumed after a crash) or a process of this host that is gone.
 */
@Repository
public class DomainClaims {

    private static final Logger log = LoggerFactory.getLogger(DomainClaims.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration lease;

    public DomainClaims(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
            LedgerProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.lease = properties.claimLease();
    }

    /** How long a claim holds without renewal; its holder renews it well within that. */
    public Duration lease() {
        return lease;
    }

    /**
     * Claims the domain for the run.
     *
     * @return the claim somebody else holds, or empty when the run holds the domain now
     */
    public Optional<Claim> claim(String customerDomain, ProvisioningRun run) {
        // Three rounds at most: a claim released or taken over between our read and our write is read again.
        for (int round = 0; round < 3; round++) {
            if (insert(customerDomain, run)) {
                return Optional.empty();
            }
            Optional<Held> held = read(customerDomain);
            if (held.isEmpty()) {
                continue;
            }
            Claim claim = held.get().claim();
            if (!mayTakeOver(claim, run)) {
                return Optional.of(claim);
            }
            if (takeOver(customerDomain, held.get().version(), run)) {
                if (!isSameHolder(claim, run)) {
                    log.info("{}: took over the claim of {} ({})", customerDomain, claim.describe(), why(claim, run));
                }
                return Optional.empty();
            }
        }
        return read(customerDomain).map(Held::claim).filter(claim -> !isSameHolder(claim, run));
    }

    /** Gives the domain free again; only the run's own claim is released. */
    public void release(String customerDomain, ProvisioningRun run) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM DOMAIN_CLAIM WHERE CUSTOMER_DOMAIN = ? "
                + "AND " + holderIs(run)).param(customerDomain).params(holder(run)).update());
    }

    /** Gives every domain the run still holds free again: at its end, whatever happened to its rows. */
    public int releaseAll(ProvisioningRun run) {
        return ownTransaction.execute(status -> jdbc.sql("DELETE FROM DOMAIN_CLAIM WHERE " + holderIs(run))
                .params(holder(run)).update());
    }

    /** Extends the lease of every claim the run holds: called well within the lease while the run is alive. */
    public int renew(ProvisioningRun run) {
        return ownTransaction.execute(status -> jdbc.sql("UPDATE DOMAIN_CLAIM SET EXPIRES_AT = ? WHERE " + holderIs(run))
                .param(expiry()).params(holder(run)).update());
    }

    /** Who holds the domain now, if anybody. */
    public Optional<Claim> holder(String customerDomain) {
        return read(customerDomain).map(Held::claim);
    }

    /** The condition that selects a holder's claims; with {@link #holder} as its parameters. */
    private static String holderIs(ProvisioningRun run) {
        return (run.id() == null ? "RUN_ID IS NULL" : "RUN_ID = " + run.id())
                + " AND HOST = ? AND PID = ? AND PROCESS_STARTED = ?";
    }

    /** Typed, so that a null (an operator's notify) binds on every database. */
    private static SqlParameterValue runId(ProvisioningRun run) {
        return new SqlParameterValue(Types.BIGINT, run.id());
    }

    private static Object[] holder(ProvisioningRun run) {
        return new Object[] {run.process().host(), run.process().pid(), run.process().started()};
    }

    private boolean mayTakeOver(Claim claim, ProvisioningRun run) {
        return isSameHolder(claim, run)
                // A run is resumed only once its earlier process is gone: its own claims are its to continue.
                || (run.id() != null && run.id().equals(claim.runId()))
                || claim.expiresAt().isBefore(LocalDateTime.now(clock))
                || claim.process().isDeadHere();
    }

    private String why(Claim claim, ProvisioningRun run) {
        if (run.id() != null && run.id().equals(claim.runId())) {
            return "the same run, resumed";
        }
        return claim.process().isDeadHere() ? "its process is gone" : "its lease ran out";
    }

    private static boolean isSameHolder(Claim claim, ProvisioningRun run) {
        return java.util.Objects.equals(claim.runId(), run.id()) && claim.process().equals(run.process());
    }

    private boolean insert(String customerDomain, ProvisioningRun run) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                    INSERT INTO DOMAIN_CLAIM (CUSTOMER_DOMAIN, RUN_ID, HOST, PID, PROCESS_STARTED, CLAIMED_AT,
                        EXPIRES_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, 0)""")
                    .param(customerDomain).param(runId(run)).params(holder(run)).param(now).param(expiry())
                    .update());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Replaces exactly the claim that was read: if somebody else changed it meanwhile, nothing happens. */
    private boolean takeOver(String customerDomain, long version, ProvisioningRun run) {
        return ownTransaction.execute(status -> jdbc.sql("""
                UPDATE DOMAIN_CLAIM SET RUN_ID = ?, HOST = ?, PID = ?, PROCESS_STARTED = ?, CLAIMED_AT = ?,
                    EXPIRES_AT = ?, VERSION = VERSION + 1
                WHERE CUSTOMER_DOMAIN = ? AND VERSION = ?""")
                .param(runId(run)).params(holder(run))
                .param(Timestamp.valueOf(LocalDateTime.now(clock))).param(expiry())
                .param(customerDomain).param(version).update()) == 1;
    }

    private Optional<Held> read(String customerDomain) {
        return ownTransaction.execute(status -> jdbc.sql("""
                SELECT RUN_ID, HOST, PID, PROCESS_STARTED, CLAIMED_AT, EXPIRES_AT, VERSION FROM DOMAIN_CLAIM
                WHERE CUSTOMER_DOMAIN = ?""").param(customerDomain)
                .query((rs, n) -> new Held(new Claim(customerDomain, rs.getObject(1, Long.class),
                        new ProcessIdentity(rs.getString(2), rs.getLong(3), rs.getString(4)),
                        rs.getTimestamp(5).toLocalDateTime(), rs.getTimestamp(6).toLocalDateTime()), rs.getLong(7)))
                .optional());
    }

    private Timestamp expiry() {
        return Timestamp.valueOf(LocalDateTime.now(clock).plus(lease));
    }

    /** A claim as read, with the version a take-over must find unchanged. */
    private record Held(Claim claim, long version) {
    }
}
