package io.onboarding.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.locks.DistributedLock;

/**
 * One inbox file, one instance: a lock per file name in the shared database (Spring Integration's
 * {@link JdbcLockRegistry}), held while the file is moved and run. Another instance polling the same folder skips a
 * file held elsewhere; the lock carries an expiry, renewed while the run goes on, so the file of an instance that
 * died is taken over after {@code onboarding.inbox.lock-lease}. A rename alone would not do: it is not atomic across
 * hosts on every shared file system.
 */
class InboxFileLocks implements AutoCloseable {

    private final JdbcLockRegistry registry;
    private final Duration lease;
    // The registry's locks belong to the thread that took them, which must also renew them: the work runs here.
    private final ExecutorService work = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inbox-file");
        thread.setDaemon(true);
        return thread;
    });

    InboxFileLocks(JdbcLockRegistry registry, Duration lease) {
        this.registry = registry;
        this.lease = lease;
    }

    /**
     * Does the work while holding the file's lock, renewing it; empty (nothing done) when another instance holds it.
     */
    <T> Optional<T> whileHolding(String fileName, Supplier<T> task) {
        String key = "inbox-file:" + fileName;
        DistributedLock lock = registry.obtain(key);
        boolean held;
        try {
            held = lock.tryLock(Duration.ZERO, lease);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (!held) {
            return Optional.empty();
        }
        try {
            Future<T> result = work.submit(task::get);
            long renewEvery = Math.max(1, lease.toMillis() / 3);
            while (true) {
                try {
                    return Optional.ofNullable(result.get(renewEvery, TimeUnit.MILLISECONDS));
                } catch (TimeoutException stillRunning) {
                    registry.renewLock(key, lease);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
