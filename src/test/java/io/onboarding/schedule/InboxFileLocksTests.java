package io.onboarding.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * Two instances' inbox locks on one database: a file held by one is skipped by the other, until released or lapsed.
 * The lock table's expiry is the library's wall clock, so the lease is waited out for real (failsafe runs it).
 */
@Tag("slow")
class InboxFileLocksTests {

    private static final Duration LEASE = Duration.ofMillis(900);

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true).addScript("db/migration/common/V3__inbox_file_locks.sql").build();
    private final JdbcLockRegistry registryA = registry();
    private final JdbcLockRegistry registryB = registry();
    private final InboxFileLocks instanceA = new InboxFileLocks(registryA, LEASE);
    private final InboxFileLocks instanceB = new InboxFileLocks(registryB, LEASE);

    @AfterEach
    void close() {
        instanceA.close();
        instanceB.close();
        database.shutdown();
    }

    @Test
    void aFileHeldByOneInstanceIsSkippedByTheOtherEvenPastTheLeaseWhileItRuns() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Optional<String>> a = CompletableFuture.supplyAsync(() -> instanceA.whileHolding("x.csv",
                () -> {
                    running.countDown();
                    await(finish);
                    return "ran on A";
                }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(instanceB.whileHolding("x.csv", () -> "ran on B")).as("held by A").isEmpty();
        assertThat(instanceB.whileHolding("y.csv", () -> "ran on B")).as("another file").contains("ran on B");
        // A's run outlasts its lease three times over: it renews, so B still cannot take the file
        Thread.sleep(LEASE.multipliedBy(3).toMillis());
        assertThat(instanceB.whileHolding("x.csv", () -> "ran on B")).as("renewed by A").isEmpty();

        finish.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS)).contains("ran on A");
        assertThat(instanceB.whileHolding("x.csv", () -> "ran on B")).as("released by A").contains("ran on B");
    }

    @Test
    void aFileHeldByAnInstanceThatDiedIsTakenOverAfterItsLease() throws Exception {
        // an instance took the lock and died: it neither renews nor releases it
        assertThat(registryA.obtain("inbox-file:x.csv").tryLock(Duration.ZERO, LEASE)).isTrue();

        assertThat(instanceB.whileHolding("x.csv", () -> "ran on B")).as("within the lease").isEmpty();
        Thread.sleep(LEASE.toMillis() + 200);

        assertThat(instanceB.whileHolding("x.csv", () -> "ran on B")).as("after the lease").contains("ran on B");
    }

    private JdbcLockRegistry registry() {
        DefaultLockRepository repository = new DefaultLockRepository(database);
        repository.setRegion("inbox");
        repository.setTransactionManager(new DataSourceTransactionManager(database));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        return new JdbcLockRegistry(repository);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
