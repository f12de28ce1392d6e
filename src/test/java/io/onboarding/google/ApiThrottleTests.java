package io.onboarding.google;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared per-API limit: correctness only (that it limits and adapts), not a speed target. */
class ApiThrottleTests {

    @Test
    void requestsAreSpacedToTheConfiguredRate() {
        ApiThrottle throttle = new ApiThrottle("directory", 6_000);

        long start = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            throttle.acquire();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        // 100 per second with a burst of 10: the 60th permit cannot come before ~0.5 s
        assertThat(millis).isGreaterThanOrEqualTo(450);
    }

    @Test
    void a429SlowsEveryoneDownOnceAndTheRateDoesNotComeBackAtOnce() {
        ApiThrottle throttle = new ApiThrottle("reseller", 1_200);

        throttle.slowDown();
        throttle.slowDown();
        throttle.succeeded();

        assertThat(throttle.requestsPerMinute()).isEqualTo(840);
    }

    @Test
    void noLimitMeansNoWaitAndNothingToSlowDown() {
        ApiThrottle throttle = new ApiThrottle("reseller", 0);

        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            throttle.acquire();
        }
        throttle.slowDown();

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(throttle.requestsPerMinute()).isZero();
    }
}
