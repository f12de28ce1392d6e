package io.onboarding.provisioning;

import java.time.Duration;

/** Waits; injected so that retry tests run instantly. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
