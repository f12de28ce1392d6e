package io.onboarding.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * The shared per-API limit against a simulated Google quota: simulated time, so minutes of traffic run
 * in milliseconds and every figure is the same on every run.
 */
class ApiThrottleTests {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final FakeTime time = new FakeTime();

    @Test
    void requestsAreSpacedToTheConfiguredRate() {
        // given 100 requests per second
        ApiThrottle throttle = new ApiThrottle("directory", 6_000, time, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        // when 60 requests are sent as fast as the limit lets them
        for (int i = 0; i < 60; i++) {
            throttle.acquire();
        }

        // then, with a burst of 10, the 60th cannot have gone before half a second
        assertThat(time.nanos).isBetween(SECOND / 2, SECOND * 6 / 10);
    }

    @Test
    void aLimitFarAboveGooglesQuotaIsLearntWithAlmostNo429s() {
        // given an operator's 100,000 requests per minute, where Google grants 20 per second
        ApiThrottle throttle = new ApiThrottle("directory", 100_000, time, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        Traffic traffic = new Traffic(throttle, new GoogleQuota(20, time));

        // when workers send as fast as the throttle lets them, for two minutes
        traffic.run(Duration.ofSeconds(120));

        // then fewer than 1 % of requests draw a 429, Google's rate is used to at least 95 %, and once
        // learnt (within 15 seconds) the rate stays within 5 % of 20 per second, passing it only now and
        // then: at most one 429 per 15 seconds
        Window all = traffic.between(Duration.ZERO, Duration.ofSeconds(120));
        assertThat(all.throttledShare()).isLessThan(0.01);
        assertThat(all.acceptedPerSecond()).isGreaterThanOrEqualTo(0.95 * 20);
        assertThat(traffic.lowestRate(Duration.ofSeconds(15))).isGreaterThanOrEqualTo(1_140L);
        assertThat(traffic.highestRate(Duration.ofSeconds(15))).isLessThanOrEqualTo(1_260L);
        assertThat(traffic.between(Duration.ofSeconds(15), Duration.ofSeconds(120)).throttled()).isLessThanOrEqualTo(7);
    }

    @Test
    void aRightLimitDrawsNo429AndKeepsItsRate() {
        // given a configured limit equal to what Google grants: 10 per second
        ApiThrottle throttle = new ApiThrottle("reseller", 600, time, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        Traffic traffic = new Traffic(throttle, new GoogleQuota(10, time));

        // when workers send as fast as the throttle lets them, for a minute
        traffic.run(Duration.ofSeconds(60));

        // then Google never says no, and its whole rate is used
        Window all = traffic.between(Duration.ZERO, Duration.ofSeconds(60));
        assertThat(all.throttled()).isZero();
        assertThat(all.acceptedPerSecond()).isGreaterThanOrEqualTo(0.99 * 10);
        assertThat(throttle.requestsPerMinute()).isEqualTo(600);
    }

    @Test
    void aBriefOverloadAtGoogleDoesNotCollapseTheRateForLong() {
        // given a right limit, used for 20 seconds
        ApiThrottle throttle = new ApiThrottle("reseller", 600, time, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        GoogleQuota google = new GoogleQuota(10, time);
        Traffic traffic = new Traffic(throttle, google);
        traffic.run(Duration.ofSeconds(20));

        // when Google answers every request with 429 for 2 seconds, then recovers
        google.overloaded = true;
        traffic.run(Duration.ofSeconds(2));
        google.overloaded = false;
        traffic.run(Duration.ofSeconds(28));

        // then 3 seconds later Google's rate is used to 95 % again, 10 seconds later the limit is back,
        // and no 429 follows the overload (the old rule took 15 seconds to climb back)
        assertThat(traffic.between(Duration.ofSeconds(25), Duration.ofSeconds(50)).acceptedPerSecond())
                .isGreaterThanOrEqualTo(0.95 * 10);
        assertThat(traffic.rateAt(Duration.ofSeconds(32))).isEqualTo(600);
        assertThat(traffic.between(Duration.ofSeconds(23), Duration.ofSeconds(50)).throttled()).isZero();
    }

    @Test
    void aQuotaGoogleLowersIsFoundAgain() {
        // given a limit far too high, learnt against 20 per second
        ApiThrottle throttle = new ApiThrottle("directory", 100_000, time, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        GoogleQuota google = new GoogleQuota(20, time);
        Traffic traffic = new Traffic(throttle, google);
        traffic.run(Duration.ofSeconds(30));

        // when Google grants only 10 per second from then on
        google.perSecond = 10;
        traffic.run(Duration.ofSeconds(60));

        // then 10 seconds later 429s are rare again and Google's new rate is used
        Window after = traffic.between(Duration.ofSeconds(40), Duration.ofSeconds(90));
        assertThat(after.throttledShare()).isLessThan(0.01);
        assertThat(after.acceptedPerSecond()).isGreaterThanOrEqualTo(0.95 * 10);
    }

    @Test
    void workersHitTogetherCountAsOneLesson() {
        // given 20 per second, all accepted for two seconds
        ApiThrottle throttle = new ApiThrottle("reseller", 1_200, time, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        for (int i = 0; i < 40; i++) {
            throttle.acquire();
            throttle.succeeded();
        }

        // when three workers draw a 429 at once
        throttle.slowDown();
        long lowered = throttle.requestsPerMinute();
        throttle.slowDown();
        throttle.slowDown();
        throttle.succeeded();

        // then the rate drops once, and does not come back at once
        assertThat(lowered).isLessThan(1_200);
        assertThat(throttle.requestsPerMinute()).isEqualTo(lowered);
    }

    @Test
    void noLimitMeansNoWaitAndNothingToSlowDown() {
        ApiThrottle throttle = new ApiThrottle("reseller", 0, time, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        for (int i = 0; i < 10_000; i++) {
            throttle.acquire();
        }
        throttle.slowDown();

        assertThat(time.nanos).isZero();
        assertThat(throttle.requestsPerMinute()).isZero();
    }

    /** Time that moves only when the throttle waits or a request takes its time. */
    static final class FakeTime implements TimeMeter, BlockingStrategy {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public void park(long nanosToPark) {
            nanos += nanosToPark;
        }
    }

    /** Google's quota as the sandbox models it: a bucket refilled continuously, holding a second's worth. */
    static final class GoogleQuota {
        private final FakeTime time;
        double perSecond;
        boolean overloaded;
        private double tokens;
        private long last;

        GoogleQuota(double perSecond, FakeTime time) {
            this.perSecond = perSecond;
            this.time = time;
            this.tokens = perSecond;
        }

        boolean accepts() {
            tokens = Math.min(perSecond, tokens + (time.nanos - last) / 1e9 * perSecond);
            last = time.nanos;
            if (overloaded || tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }

    /** One answer Google gave, and the throttle's rate just after it. */
    record Sent(long nanos, boolean accepted, long requestsPerMinute) {
    }

    /** What Google answered over a stretch of time. */
    record Window(long requests, long throttled, double seconds) {
        double throttledShare() {
            return throttled / (double) requests;
        }

        double acceptedPerSecond() {
            return (requests - throttled) / seconds;
        }
    }

    /**
     * Eight workers sending as fast as the throttle lets them, as the job's do: each answer comes 20 ms after
     * its request, and a worker answered 429 waits out Google's {@code Retry-After: 1} before sending again.
     */
    static final class Traffic {
        private static final int WORKERS = 8;
        private static final long LATENCY = Duration.ofMillis(20).toNanos();
        private static final long RETRY_AFTER = SECOND;
        private final ApiThrottle throttle;
        private final GoogleQuota google;
        private final long[] readyAt = new long[WORKERS];
        private final PriorityQueue<Answer> answers = new PriorityQueue<>(Comparator.comparingLong(Answer::nanos));
        private final List<Sent> sent = new ArrayList<>();

        private record Answer(long nanos, boolean accepted) {
        }

        Traffic(ApiThrottle throttle, GoogleQuota google) {
            this.throttle = throttle;
            this.google = google;
        }

        void run(Duration duration) {
            FakeTime time = google.time;
            long end = time.nanos + duration.toNanos();
            while (time.nanos < end) {
                int worker = 0;
                for (int w = 1; w < WORKERS; w++) {
                    worker = readyAt[w] < readyAt[worker] ? w : worker;
                }
                time.nanos = Math.max(time.nanos, readyAt[worker]);
                deliverAnswers();
                throttle.acquire();
                deliverAnswers();
                boolean accepted = google.accepts();
                sent.add(new Sent(time.nanos, accepted, throttle.requestsPerMinute()));
                answers.add(new Answer(time.nanos + LATENCY, accepted));
                readyAt[worker] = time.nanos + LATENCY + (accepted ? 0 : RETRY_AFTER);
            }
        }

        /** The answers due by now, in order: each tells the throttle what Google said. */
        private void deliverAnswers() {
            while (!answers.isEmpty() && answers.peek().nanos() <= google.time.nanos) {
                if (answers.poll().accepted()) {
                    throttle.succeeded();
                } else {
                    throttle.slowDown();
                }
            }
        }

        Window between(Duration from, Duration to) {
            List<Sent> inside = sent.stream()
                    .filter(s -> s.nanos() >= from.toNanos() && s.nanos() < to.toNanos()).toList();
            return new Window(inside.size(), inside.stream().filter(s -> !s.accepted()).count(),
                    (to.toNanos() - from.toNanos()) / 1e9);
        }

        long lowestRate(Duration from) {
            return sent.stream().filter(s -> s.nanos() >= from.toNanos()).mapToLong(Sent::requestsPerMinute)
                    .min().orElseThrow();
        }

        long highestRate(Duration from) {
            return sent.stream().filter(s -> s.nanos() >= from.toNanos()).mapToLong(Sent::requestsPerMinute)
                    .max().orElseThrow();
        }

        long rateAt(Duration at) {
            return sent.stream().filter(s -> s.nanos() <= at.toNanos()).reduce((a, b) -> b).orElseThrow()
                    .requestsPerMinute();
        }
    }
}
