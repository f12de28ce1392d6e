package io.onboarding.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the provisioning ledger ({@code onboarding.ledger.*}).
 *
 * @param claimLease how long a run's claim on a customer domain holds without renewal: a claim whose holder
 *     died on another host is taken over after this (on this host at once); the holder renews it every third
 *     of it
 */
@ConfigurationProperties("onboarding.ledger")
public record LedgerProperties(@DefaultValue("5m") Duration claimLease) {

    public LedgerProperties {
        if (claimLease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("onboarding.ledger.claim-lease must be at least 3s, was " + claimLease);
        }
    }
}
