package io.onboarding.provisioning;

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

    private final RetryProperties properties;
    private final Sleeper sleeper;

    TransientRetry(RetryProperties properties, Sleeper sleeper) {
        this.properties = properties;
        this.sleeper = sleeper;
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
                pause(attempt);
            }
        }
    }

    void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    /** Full jitter: a random wait up to min(cap, base × 2^(attempt-1)). */
    void pause(int attempt) {
        long ceiling = Math.min(properties.maxDelay().toMillis(),
                properties.baseDelay().toMillis() << Math.min(attempt - 1, 30));
        try {
            sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
