package io.onboarding.google;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request rate to one Google API, shared by every worker. Requests are spaced evenly (a bucket of
 * at most a tenth of a second's worth) so the limiter itself never bursts into Google's quota. On a
 * 429 the rate drops for everyone at once — one worker's lesson is shared — and creeps back up once
 * Google has been quiet for a while (multiplicative decrease, additive increase).
 */
public final class ApiThrottle {

    private static final Logger log = LoggerFactory.getLogger(ApiThrottle.class);
    private static final double DECREASE = 0.7;
    private static final double INCREASE_SHARE = 0.05;
    private static final long QUIET_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long STEP_NANOS = Duration.ofSeconds(1).toNanos();

    private final String api;
    private final double maxPerSecond;
    private final Bucket bucket;
    private volatile double perSecond;
    private long lastDecrease = System.nanoTime() - QUIET_NANOS;
    private long lastChange = System.nanoTime();

    /** @param requestsPerMinute the configured limit; 0 or less means no limit */
    public ApiThrottle(String api, int requestsPerMinute) {
        this.api = api;
        this.maxPerSecond = requestsPerMinute / 60.0;
        this.perSecond = maxPerSecond;
        this.bucket = requestsPerMinute > 0 ? Bucket.builder().addLimit(bandwidth(maxPerSecond)).build() : null;
    }

    /** Waits for this API's next slot. */
    public void acquire() {
        if (bucket != null) {
            try {
                bucket.asBlocking().consume(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + api + "'s rate limit", e);
            }
        }
    }

    /** Google said we are too fast: everybody slows down. */
    public synchronized void slowDown() {
        Metrics.counter("onboarding.google.throttled", "api", api).increment();
        long now = System.nanoTime();
        // Several workers hit by the same burst report it together: count it as one lesson.
        if (bucket == null || now - lastDecrease < STEP_NANOS) {
            return;
        }
        set(Math.max(maxPerSecond / 50, perSecond * DECREASE), now);
        lastDecrease = now;
        log.info("{}: Google answered 429; slowing down to {} requests per minute", api, Math.round(perSecond * 60));
    }

    /** A call went through: after a quiet while, the rate creeps back towards the configured one. */
    public void succeeded() {
        if (bucket == null || perSecond >= maxPerSecond) {
            return;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (now - lastDecrease > QUIET_NANOS && now - lastChange > STEP_NANOS) {
                set(Math.min(maxPerSecond, perSecond + maxPerSecond * INCREASE_SHARE), now);
            }
        }
    }

    /** The rate now, in requests per minute. */
    public long requestsPerMinute() {
        return Math.round(perSecond * 60);
    }

    private void set(double newPerSecond, long now) {
        perSecond = newPerSecond;
        lastChange = now;
        bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(newPerSecond)).build(),
                TokensInheritanceStrategy.PROPORTIONALLY);
    }

    private static Bandwidth bandwidth(double perSecond) {
        long perMinute = Math.max(1, Math.round(perSecond * 60));
        long burst = Math.max(1, Math.round(perSecond / 10));
        return Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }
}
