package io.onboarding.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.onboarding.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** Claims on customer domains: one holder at a time, leases, take-overs, against the real schema in H2. */
class DomainClaimsTests {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true).addScript("db/migration/h2/V2__onboarding_tables.sql").build();
    private final MovableClock clock = new MovableClock();
    private final DomainClaims claims = new DomainClaims(JdbcClient.create(database),
            new DataSourceTransactionManager(database), clock, new LedgerProperties(LEASE));

    private final ProvisioningRun run1 = ProvisioningRun.of(1, Path.of("reports/a-run1"));
    private final ProvisioningRun run2 = ProvisioningRun.of(2, Path.of("reports/b-run2"));
    /** A process on another host: never known to be dead from here. */
    private final ProcessIdentity elsewhere = new ProcessIdentity("other-host", 4242, "2026-12-04T01:00:00Z");

    @AfterEach
    void shutDown() {
        database.shutdown();
    }

    @Test
    void aFreeDomainIsClaimedAndAnotherRunIsToldWhoHoldsIt() {
        assertThat(claims.claim("acme.de", run1)).isEmpty();
        assertThat(claims.claim("acme.de", run1)).as("its own claim again").isEmpty();

        Claim held = claims.claim("acme.de", run2).orElseThrow();

        assertThat(held.runId()).isEqualTo(1L);
        assertThat(held.process()).isEqualTo(ProcessIdentity.current());
        assertThat(held.describe()).startsWith("run 1 (host " + ProcessIdentity.current().host() + ", process "
                + ProcessHandle.current().pid() + ") since ");
        assertThat(claims.claim("other.de", run2)).as("other domains are free").isEmpty();
    }

    @Test
    void aReleasedDomainIsFreeAndOnlyItsHolderReleasesIt() {
        claims.claim("acme.de", run1);

        claims.release("acme.de", run2);
        assertThat(claims.claim("acme.de", run2)).as("run 2 cannot release run 1's claim").isPresent();

        claims.release("acme.de", run1);
        assertThat(claims.claim("acme.de", run2)).isEmpty();
        assertThat(claims.holder("acme.de").orElseThrow().runId()).isEqualTo(2L);
    }

    @Test
    void aClaimWhoseHolderStoppedRenewingIsTakenOverAfterTheLeaseOnly() {
        ProvisioningRun remote = new ProvisioningRun(1L, Path.of("reports"), elsewhere);
        claims.claim("acme.de", remote);

        clock.advance(LEASE.minusSeconds(1));
        assertThat(claims.claim("acme.de", run2)).as("within the lease").isPresent();

        clock.advance(Duration.ofSeconds(2));
        assertThat(claims.claim("acme.de", run2)).as("after the lease").isEmpty();
        assertThat(claims.holder("acme.de").orElseThrow().runId()).isEqualTo(2L);
        // the old holder, come back, releases nothing of the new one's
        claims.release("acme.de", remote);
        assertThat(claims.holder("acme.de")).isPresent();
    }

    @Test
    void renewingKeepsTheClaimBeyondTheFirstLease() {
        ProvisioningRun remote = new ProvisioningRun(1L, Path.of("reports"), elsewhere);
        claims.claim("acme.de", remote);
        claims.claim("acme.org", remote);

        clock.advance(LEASE.multipliedBy(2).dividedBy(3));
        assertThat(claims.renew(remote)).isEqualTo(2);
        clock.advance(LEASE.multipliedBy(2).dividedBy(3));

        assertThat(claims.claim("acme.de", run2)).isPresent();
        assertThat(claims.claim("acme.org", run2)).isPresent();
    }

    @Test
    void theSameRunResumedInAnotherProcessContinuesWithItsClaimsAtOnce() {
        claims.claim("acme.de", new ProvisioningRun(1L, Path.of("reports"), elsewhere));

        assertThat(claims.claim("acme.de", run1)).isEmpty();
        assertThat(claims.holder("acme.de").orElseThrow().process()).isEqualTo(ProcessIdentity.current());
    }

    @Test
    void aClaimOfAProcessOfThisHostThatIsGoneIsTakenOverAtOnce() throws Exception {
        Process process = new ProcessBuilder("sleep", "60").start();
        ProcessIdentity dead = new ProcessIdentity(ProcessIdentity.current().host(), process.pid(),
                ProcessIdentity.startOf(process.toHandle()));
        claims.claim("acme.de", new ProvisioningRun(1L, Path.of("reports"), dead));
        assertThat(claims.claim("acme.de", run2)).as("while it lives").isPresent();

        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(claims.claim("acme.de", run2)).as("once it is gone").isEmpty();
    }

    @Test
    void releaseAllFreesEveryClaimOfTheRunAndNoOtherOne() {
        claims.claim("a.de", run1);
        claims.claim("b.de", run1);
        claims.claim("c.de", run2);

        assertThat(claims.releaseAll(run1)).isEqualTo(2);

        assertThat(claims.holder("a.de")).isEmpty();
        assertThat(claims.holder("b.de")).isEmpty();
        assertThat(claims.holder("c.de")).isPresent();
    }

    @Test
    void anOperatorsNotifyAndARunExcludeEachOther() {
        ProvisioningRun operator = ProvisioningRun.operator(Path.of("reports/notices-1"));
        assertThat(claims.claim("acme.de", operator)).isEmpty();

        Claim held = claims.claim("acme.de", run1).orElseThrow();
        assertThat(held.runId()).isNull();
        assertThat(held.describe()).startsWith("an operator's notify (host ");

        claims.release("acme.de", operator);
        assertThat(claims.claim("acme.de", run1)).isEmpty();
        assertThat(claims.claim("acme.de", operator)).isPresent();
    }
}
