package io.onboarding.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.onboarding.google.GoogleApiException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransientRetryTests {

    private final List<Duration> waits = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TransientRetry retry = new TransientRetry(new RetryProperties(5, Duration.ofSeconds(1),
            Duration.ofSeconds(16)), waits::add, meters);

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedInFull() {
        Deque<GoogleApiException> failures = new ArrayDeque<>(List.of(
                new GoogleApiException("users.insert", 429, "rateLimitExceeded", "slow down", null)
                        .retryingAfter(Duration.ofSeconds(7))));

        String answer = retry.call(() -> {
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(retry.retries()).isEqualTo(1);
        assertThat(meters.counter("onboarding.google.retries", "call", "users.insert", "status", "429").count())
                .as("counted in the application's registry, not a static global one").isEqualTo(1.0);
    }

    @Test
    void waitsGrowExponentiallyWithFullJitterUpToTheCap() {
        GoogleApiException e = catchThrowableOfType(GoogleApiException.class, () -> retry.call(() -> {
            throw new GoogleApiException("customers.get", 503, "backendError", "busy", null);
        }));

        assertThat(e.attempts()).isEqualTo(5);
        assertThat(e.afterAmbiguous()).isTrue();
        assertThat(retry.retries()).isEqualTo(4);
        assertThat(waits).hasSize(4);
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(Math.min(16, 1L << i)));
        }
    }

    @Test
    void aPermanentErrorIsNeverRetried() {
        GoogleApiException e = catchThrowableOfType(GoogleApiException.class, () -> retry.call(() -> {
            throw new GoogleApiException("users.insert", 400, "invalid", "Invalid Password", null);
        }));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(waits).isEmpty();
        assertThat(retry.retries()).isZero();
    }

    @Test
    void aQuotaForbiddenIsTransientButAPlainForbiddenIsNot() {
        assertThat(new GoogleApiException("c", 403, "quotaExceeded", "m", null).isTransient()).isTrue();
        assertThat(new GoogleApiException("c", 403, "userRateLimitExceeded", "m", null).isTransient()).isTrue();
        assertThat(new GoogleApiException("c", 403, "forbidden", "m", null).isTransient()).isFalse();
        assertThat(new GoogleApiException("c", 403, null, "m", null).isTransient()).isFalse();
    }
}
