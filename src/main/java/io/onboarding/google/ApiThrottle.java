package io.onboarding.google;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request rate to one Google API, shared by every worker, learnt from Google's 429s. Requests are
 * spaced evenly (a bucket of at most a tenth of a second's worth) so the limiter itself never bursts into
 * Google's quota. The configured limit is where the rate starts and the most it may reach: Google's quota
 * acts as a bucket refilled at its rate, empty at each 429, so what it accepted between two 429s a few
 * seconds apart is its rate (see {@link #slowDown()}). The rate settles 3 % below that, comes back there
 * within seconds after Google was briefly overloaded, and rises above it only slowly, in absolute steps of
 * 0.25 % of that rate per second, so that a limit configured far too high costs a few 429s per minute
 * instead of one request in ten.
 */
public final class ApiThrottle {

    private static final Logger log = LoggerFactory.getLogger(ApiThrottle.class);
    /** Where the rate settles, as a share of the rate Google was seen to grant. */
    private static final double SETTLE = 0.97;
    /**
     * Where the rate goes at the very first 429, as a share of what Google accepted in the last second: that
     * may include the burst its full bucket held (up to a second's worth, so it may be twice Google's rate).
     * A second later the rate returns to {@link #SETTLE} of it; if that is still too much, the 429 that
     * follows measures Google's rate.
     */
    private static final double FIRST_GUESS = 0.5;
    /** While Google refuses everything, the rate in use is cut by this once a second. */
    private static final double CUT = 0.7;
    /** Per second, above the settle point: slow, since Google's bucket drains as soon as we pass its rate. */
    private static final double PROBE_STEP = 0.0025;
    /**
     * Growth per second above the settle point while Google's rate is only guessed: a guess taken while the
     * workers sent little may be far too low, and the rate must not stay there for long.
     */
    private static final double SEARCH_GROWTH = 1.1;
    /** The rate rises only while the workers use it: an unused rate proves nothing. */
    private static final double IN_USE = 0.9;
    private static final double LOWEST_PER_SECOND = 1 / 60.0;
    private static final Duration SECOND = Duration.ofSeconds(1);
    /** Several workers hit by the same excess report it together, and Google asks for a second's pause. */
    private static final long LESSON_NANOS = SECOND.toNanos();
    /**
     * 429s less than this apart belong to one episode. Google's bucket cannot fill up between them while
     * the rate is near Google's, so what it accepted in between is what it refilled.
     */
    private static final long EPISODE_GAP_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Duration MEASURED_OVER = Duration.ofSeconds(10);

    private final String api;
    private final double maxPerSecond;
    private final TimeMeter time;
    private final BlockingStrategy waiting;
    private final Bucket bucket;
    private final RecentCount sent = new RecentCount();
    private final RecentCount accepted = new RecentCount();
    private volatile double perSecond;
    /** The rate Google is believed to grant; the configured one until a 429 says otherwise. */
    private double ceiling;
    /** Whether {@link #ceiling} was measured between two 429s, rather than guessed at the first one. */
    private boolean measured;
    private boolean firstLesson = true;
    private long acceptedTotal;
    private long episodeStart;
    private long acceptedBeforeEpisode;
    private long lastLesson;
    private final Counter throttled;
    private long last429;
    private long lastChange;

    /** @param requestsPerMinute the configured limit; 0 or less means no limit */
    public ApiThrottle(String api, int requestsPerMinute, MeterRegistry meters) {
        this(api, requestsPerMinute, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING, meters);
    }

    /** With its time and its waiting injected, so that a test runs minutes of traffic at once. */
    ApiThrottle(String api, int requestsPerMinute, TimeMeter time, BlockingStrategy waiting, MeterRegistry meters) {
        this.api = api;
        this.throttled = meters.counter("onboarding.google.throttled", "api", api);
        this.maxPerSecond = requestsPerMinute / 60.0;
        this.time = time;
        this.waiting = waiting;
        this.perSecond = maxPerSecond;
        this.ceiling = maxPerSecond;
        long now = time.currentTimeNanos();
        this.lastLesson = now - Duration.ofHours(1).toNanos();
        this.last429 = lastLesson;
        this.lastChange = now;
        this.bucket = requestsPerMinute > 0
                ? Bucket.builder().withCustomTimePrecision(time).addLimit(bandwidth(maxPerSecond)).build()
                : null;
    }

    /** Waits for this API's next slot. */
    public void acquire() {
        if (bucket == null) {
            return;
        }
        try {
            bucket.asBlocking().consume(1, waiting);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + api + "'s rate limit", e);
        }
        sent.add(time.currentTimeNanos());
    }

    /**
     * Google said we are too fast: everybody slows down. 429s less than 5 seconds apart make one episode,
     * through which Google's bucket stays close to empty: from its second second on, what Google accepted
     * since the episode began is its rate. At an episode's first 429 there is only a guess: what Google
     * accepted in the last second (or, if more, on average over the last ten), at most what was sent.
     */
    public void slowDown() {
        throttled.increment();
        if (bucket == null) {
            return;
        }
        synchronized (this) {
            long now = time.currentTimeNanos();
            boolean newEpisode = now - last429 > EPISODE_GAP_NANOS;
            if (newEpisode) {
                episodeStart = now;
                acceptedBeforeEpisode = acceptedTotal;
            }
            last429 = now;
            if (now - lastLesson < LESSON_NANOS) {
                return;
            }
            lastLesson = now;
            if (newEpisode) {
                double guess = Math.max(accepted.within(SECOND, now),
                        accepted.within(MEASURED_OVER, now) / (double) MEASURED_OVER.toSeconds());
                // Refused at the rate in use, so Google grants less than that (what the workers really sent: a
                // configured 100,000/min that nobody reaches is no rate to go by).
                double inUse = Math.min(perSecond, Math.max(1, sent.within(SECOND, now)));
                ceiling = guess > 0 ? Math.min(guess, inUse) : inUse / 2;
                set(Math.min(perSecond, ceiling * (firstLesson ? FIRST_GUESS : SETTLE)), now);
                firstLesson = false;
            } else if (acceptedTotal > acceptedBeforeEpisode) {
                ceiling = (acceptedTotal - acceptedBeforeEpisode) / ((now - episodeStart) / 1e9);
                measured = true;
                set(Math.min(perSecond, ceiling * SETTLE), now);
            } else {
                // Nothing accepted since the episode began: Google refuses everything for a while. Slow down,
                // but keep what was learnt of its rate.
                set(perSecond * CUT, now);
            }
            log.info("{}: Google answered 429; slowing down to {} requests per minute (Google grants about {})",
                    api, requestsPerMinute(), Math.round(ceiling * 60));
        }
    }

    /** A call went through: once Google has been quiet for a second, the rate returns, then probes. */
    public void succeeded() {
        if (bucket == null) {
            return;
        }
        long now = time.currentTimeNanos();
        accepted.add(now);
        synchronized (this) {
            acceptedTotal++;
            if (perSecond >= maxPerSecond || now - last429 < LESSON_NANOS || now - lastChange < LESSON_NANOS
                    || sent.within(SECOND, now) + 1 < IN_USE * perSecond) {
                return;
            }
            double settle = ceiling * SETTLE;
            if (perSecond < settle) {
                set(Math.min(settle, perSecond * 2), now);
            } else {
                set(Math.min(maxPerSecond, measured ? perSecond + ceiling * PROBE_STEP : perSecond * SEARCH_GROWTH),
                        now);
                ceiling = Math.max(ceiling, perSecond);
            }
        }
    }

    /** The rate now, in requests per minute. */
    public long requestsPerMinute() {
        return Math.round(perSecond * 60);
    }

    private void set(double newPerSecond, long now) {
        perSecond = Math.max(LOWEST_PER_SECOND, newPerSecond);
        lastChange = now;
        bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(perSecond)).build(),
                TokensInheritanceStrategy.PROPORTIONALLY);
    }

    private static Bandwidth bandwidth(double perSecond) {
        long perMinute = Math.max(1, Math.round(perSecond * 60));
        long burst = Math.max(1, Math.round(perSecond / 10));
        return Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }
}
