package io.onboarding.benchmark;

import io.onboarding.google.DirectoryClient;
import io.onboarding.google.GoogleApiException;
import io.onboarding.google.NewCustomer;
import io.onboarding.google.NewUser;
import io.onboarding.google.PostalAddress;
import io.onboarding.google.ResellerClient;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A baseline that behaves like GAM as resellers run it: 5 processes with no shared rate limit, a 429
 * retried after 2^n s plus up to a second at random (n = 0..4), Retry-After ignored, nothing reconciled.
 */
final class GamLikeClient {

    private final ResellerClient reseller;
    private final DirectoryClient directory;

    GamLikeClient(ResellerClient reseller, DirectoryClient directory) {
        this.reseller = reseller;
        this.directory = directory;
    }

    /** Onboards the domains; returns how many failed. */
    int run(List<String> domains, int workers) throws InterruptedException {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(domains);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int i = 0; i < workers; i++) {
            pool.execute(() -> {
                for (String domain = queue.poll(); domain != null; domain = queue.poll()) {
                    String admin = "admin@" + domain;
                    String current = domain;
                    boolean ok = attempt(() -> reseller.insertCustomer(customer(current), null))
                            && attempt(() -> directory.insertUser(NewUser.admin(admin, "Kim", "Kunde", "Str0ng-Pass!")))
                            && attempt(() -> {
                                directory.makeSuperAdmin(admin);
                                return null;
                            });
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return failed.get();
    }

    private static boolean attempt(java.util.function.Supplier<?> call) {
        for (int n = 0; ; n++) {
            try {
                call.get();
                return true;
            } catch (GoogleApiException e) {
                if (e.status() != 429 || n == 4) {
                    return false;
                }
                try {
                    Thread.sleep((1000L << n) + ThreadLocalRandom.current().nextLong(1000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private static NewCustomer customer(String domain) {
        return new NewCustomer(domain, "domain", "it@example.com", null,
                new PostalAddress(PostalAddress.KIND, "Kim Kunde", "Bench GmbH", null, null, null, null, null, "10115",
                        "DE"), null);
    }
}
