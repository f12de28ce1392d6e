package io.onboarding.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How loaded the sandbox pretends Google is: latency per call (fixed plus random), a quota per API
 * enforced with 429s, and random failures — transient (503, not applied) and ambiguous (applied, then
 * 503). Randomness is seeded so that a benchmark can be repeated.
 */
public final class SandboxLoad {

    /** The two APIs, told apart by path, each with its own quota. */
    public enum Api {
        RESELLER, DIRECTORY;

        static Api of(String path) {
            return path.startsWith("/apps/reseller/") ? RESELLER : DIRECTORY;
        }
    }

    /** What the load decides for one request. */
    enum Verdict { PASS, QUOTA_EXCEEDED, TRANSIENT, AMBIGUOUS }

    private final Map<Api, TokenBucket> quotas = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration latencyJitter = Duration.ZERO;
    private volatile double transientRate;
    private volatile double ambiguousRate;
    private Random random = new Random(42);

    public synchronized SandboxLoad latency(Duration fixed, Duration jitter) {
        this.latency = fixed;
        this.latencyJitter = jitter;
        return this;
    }

    /** At most {@code perSecond} requests per second to the API, with a burst of at most one second's worth. */
    public SandboxLoad quota(Api api, double perSecond) {
        if (perSecond <= 0) {
            quotas.remove(api);
        } else {
            quotas.put(api, new TokenBucket(perSecond));
        }
        return this;
    }

    public synchronized SandboxLoad failures(double transientRate, double ambiguousRate, long seed) {
        this.transientRate = transientRate;
        this.ambiguousRate = ambiguousRate;
        this.random = new Random(seed);
        return this;
    }

    public synchronized void clear() {
        quotas.clear();
        latency = Duration.ZERO;
        latencyJitter = Duration.ZERO;
        transientRate = 0;
        ambiguousRate = 0;
        random = new Random(42);
    }

    /** The time this request takes on the wire, before it is handled. */
    synchronized Duration nextLatency() {
        long jitter = latencyJitter.toMillis() <= 0 ? 0 : (long) (random.nextDouble() * latencyJitter.toMillis());
        return latency.plusMillis(jitter);
    }

    Verdict judge(String path) {
        TokenBucket quota = quotas.get(Api.of(path));
        if (quota != null && !quota.tryTake()) {
            return Verdict.QUOTA_EXCEEDED;
        }
        double draw;
        synchronized (this) {
            draw = random.nextDouble();
        }
        if (draw < transientRate) {
            return Verdict.TRANSIENT;
        }
        return draw < transientRate + ambiguousRate ? Verdict.AMBIGUOUS : Verdict.PASS;
    }

    /** Seconds until the API's quota has room again, for the Retry-After header. */
    long retryAfterSeconds(String path) {
        TokenBucket quota = quotas.get(Api.of(path));
        return quota == null ? 1 : Math.max(1, (long) Math.ceil(quota.secondsUntilNext()));
    }

    /** Refills continuously, like a per-minute quota spread over the minute. */
    private static final class TokenBucket {
        private final double perSecond;
        private double tokens;
        private long lastNanos = System.nanoTime();

        TokenBucket(double perSecond) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
        }

        synchronized boolean tryTake() {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized double secondsUntilNext() {
            refill();
            return tokens >= 1 ? 0 : (1 - tokens) / perSecond;
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
        }
    }
}
