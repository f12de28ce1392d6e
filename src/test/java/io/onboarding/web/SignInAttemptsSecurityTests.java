package io.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of guessing slowly, on an injected clock. */
class SignInAttemptsSecurityTests {

    private static final String HERE = "10.1.1.1";

    private Instant now = Instant.parse("2026-12-04T20:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final SignInAttempts attempts = new SignInAttempts(clock, name -> name.equals("ada"));

    @Test
    void fourFailuresCostNothingTheFifthStartsADelayThatDoubles() {
        fail(4);
        assertThat(attempts.wait("ada", HERE)).isEmpty();

        fail(1);
        assertThat(attempts.wait("ada", HERE)).contains(Duration.ofSeconds(1));
        fail(1);
        assertThat(attempts.wait("ada", HERE)).contains(Duration.ofSeconds(2));
        fail(1);
        assertThat(attempts.wait("ada", HERE)).contains(Duration.ofSeconds(4));

        now = now.plusSeconds(4);
        assertThat(attempts.wait("ada", HERE)).isEmpty();
    }

    @Test
    void twentyFailuresLockThePairForFifteenMinutesThenItIsForgiven() {
        fail(20);
        assertThat(attempts.wait("ada", HERE)).contains(Duration.ofMinutes(15));

        now = now.plus(Duration.ofMinutes(14));
        assertThat(attempts.wait("ada", HERE)).contains(Duration.ofMinutes(1));
        now = now.plus(Duration.ofMinutes(1));
        assertThat(attempts.wait("ada", HERE)).isEmpty();
        fail(1);
        assertThat(attempts.wait("ada", HERE)).as("the pair counts from 1 again; the account keeps its short delay")
                .contains(SignInAttempts.ACCOUNT_DELAY);
    }

    @Test
    void anotherAddressIsNotLockedButTheAccountAloneGetsOnlyAShortDelay() {
        fail(20);

        Optional<Duration> elsewhere = attempts.wait("ada", "10.9.9.9");

        assertThat(elsewhere).isPresent().get().isEqualTo(SignInAttempts.ACCOUNT_DELAY);
        now = now.plus(SignInAttempts.ACCOUNT_DELAY);
        assertThat(attempts.wait("ada", "10.9.9.9")).isEmpty();
    }

    @Test
    void aSuccessForgetsTheFailures() {
        fail(7);

        attempts.succeeded("ada", HERE);

        assertThat(attempts.wait("ada", HERE)).isEmpty();
    }

    @Test
    void madeUpAccountsAreNotCountedSoTheyCannotPushOutRealOnes() {
        fail(20);
        for (int i = 0; i < 50_000; i++) {
            attempts.failed("nobody-" + i, "10.0." + (i / 250) + "." + (i % 250));
        }

        assertThat(attempts.wait("ada", HERE)).contains(Duration.ofMinutes(15));
        assertThat(attempts.wait("nobody-1", "10.0.0.1")).isEmpty();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            attempts.failed("ada", HERE);
        }
    }
}
