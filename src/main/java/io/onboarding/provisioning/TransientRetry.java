package io.onboarding.provisioning;

import io.micrometer.core.instrument.MeterRegistry;
import io.onboarding.google.GoogleApiException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries a call that failed transiently (see {@link GoogleApiException#isTransient()}); a permanent
 * error is thrown at once. Only for calls that are safe to repeat, or whose repeat is recognised (a 409
 * after an ambiguous users.insert).
 */
final class TransientRetry {

    /** No Retry-After is followed beyond this: a server asking for an hour is not one to wait on. */
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

    private final RetryProperties properties;
    private final Sleeper sleeper;
    private final MeterRegistry meters;
    private int retries;

    /** One per row: it counts the row's retries for the report. */
    TransientRetry(RetryProperties properties, Sleeper sleeper, MeterRegistry meters) {
        this.meters = meters;
        this.properties = properties;
        this.sleeper = sleeper;
    }

    /** Tries per call, the first included. */
    int maxAttempts() {
        return properties.maxAttempts();
    }

    /** How many calls were sent again so far. */
    int retries() {
        return retries;
    }

    /** The call's answer; or its last failure, carrying how many tries it took. */
    <T> T call(Supplier<T> request) {
        return call(request, GoogleApiException::isTransient);
    }

    /** As {@link #call(Supplier)}, retrying only the failures {@code retryable} accepts. */
    <T> T call(Supplier<T> request, Predicate<GoogleApiException> retryable) {
        boolean ambiguous = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (GoogleApiException e) {
                if (!retryable.test(e) || attempt >= properties.maxAttempts()) {
                    throw e.afterAttempts(attempt, ambiguous);
                }
                ambiguous |= e.isAmbiguous();
                count(e);
                pause(attempt, e.retryAfter().orElse(Duration.ZERO));
            }
        }
    }

    void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    /**
     * Waits before a call is sent again outside {@link #call} — an order that Google, when asked, had not
     * applied — and counts it as a retry of the row.
     */
    void resend(int attempt, GoogleApiException cause) {
        count(cause);
        pause(attempt, Duration.ZERO);
    }

    private void count(GoogleApiException cause) {
        retries++;
        meters.counter("onboarding.google.retries", "call", cause.call(), "status", Integer.toString(cause.status()))
                .increment();
    }

    /** Full jitter — a random wait up to min(cap, base × 2^(attempt-1)) — but never less than Retry-After. */
    private void pause(int attempt, Duration retryAfter) {
        long ceiling = Math.min(properties.maxDelay().toMillis(),
                properties.baseDelay().toMillis() << Math.min(attempt - 1, 30));
        long jitter = ThreadLocalRandom.current().nextLong(ceiling + 1);
        long asked = Math.min(retryAfter.toMillis(), LONGEST_RETRY_AFTER.toMillis());
        try {
            sleeper.sleep(Duration.ofMillis(Math.max(jitter, asked)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
