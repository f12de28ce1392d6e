package io.onboarding.google;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Directory's own limit: at most N user creations per customer domain per second. */
final class UserCreationLimit {

    private static final int MAX_DOMAINS = 10_000;

    private final Map<String, Bucket> byDomain = new ConcurrentHashMap<>();
    private final int perSecond;

    UserCreationLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    void acquire(String domain) {
        if (perSecond <= 0) {
            return;
        }
        if (byDomain.size() > MAX_DOMAINS) {
            // A domain's bucket is full again a second after its last user: forgetting them all loses nothing.
            byDomain.clear();
        }
        Bucket bucket = byDomain.computeIfAbsent(domain, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to create a user in " + domain, e);
        }
    }
}
