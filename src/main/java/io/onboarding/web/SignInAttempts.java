package io.onboarding.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Failed sign-ins, so that passwords can be guessed only slowly. Per account and client address: after 5 failures
 * a wait that doubles with each further one, after 20 that pair is locked for 15 minutes. Per account alone only a
 * wait (a lock per account would let anyone lock the operator out). What it remembers is bounded: an attacker
 * who rotates addresses pushes out the oldest entries, not the memory, and only accounts that exist are counted
 * (spraying made-up names cannot push out the real ones).
 */
class SignInAttempts {

    static final int DELAY_AFTER = 5;
    static final int LOCK_AFTER = 20;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    /** Failures of one account, from any address, before each attempt on it must wait. */
    static final int ACCOUNT_DELAY_AFTER = 10;
    static final Duration ACCOUNT_DELAY = Duration.ofSeconds(2);
    private static final int MAX_ENTRIES = 10_000;

    /** Failures so far and when the last one was. */
    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Predicate<String> exists;
    private final Map<String, Failures> pairs = bounded();
    private final Map<String, Failures> accounts = bounded();

    SignInAttempts(Clock clock, Predicate<String> exists) {
        this.clock = clock;
        this.exists = exists;
    }

    /** How long this account from this address must still wait before it may try; empty when it may now. */
    synchronized Optional<Duration> wait(String account, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        Failures pair = pairs.get(key(account, address));
        if (pair != null && pair.count() >= DELAY_AFTER) {
            Duration pause = pair.count() >= LOCK_AFTER ? LOCK
                    : min(Duration.ofSeconds(1L << Math.min(pair.count() - DELAY_AFTER, 20)), MAX_DELAY);
            wait = max(wait, Duration.between(now, pair.last().plus(pause)));
        }
        Failures any = accounts.get(normalised(account));
        if (any != null && any.count() >= ACCOUNT_DELAY_AFTER) {
            wait = max(wait, Duration.between(now, any.last().plus(ACCOUNT_DELAY)));
        }
        return !wait.isNegative() && !wait.isZero() ? Optional.of(wait) : Optional.empty();
    }

    synchronized void failed(String account, String address) {
        if (account == null || !exists.test(account)) {
            return;
        }
        Instant now = clock.instant();
        String pairKey = key(account, address);
        Failures pair = pairs.remove(pairKey);
        // A lock served is forgiven: the next failures count from the start again.
        boolean lockServed = pair != null && pair.count() >= LOCK_AFTER && !now.isBefore(pair.last().plus(LOCK));
        pairs.put(pairKey, new Failures(pair == null || lockServed ? 1 : pair.count() + 1, now));
        Failures any = accounts.remove(normalised(account));
        accounts.put(normalised(account), new Failures(any == null ? 1 : any.count() + 1, now));
    }

    synchronized void succeeded(String account, String address) {
        pairs.remove(key(account, address));
        accounts.remove(normalised(account));
    }

    private static String key(String account, String address) {
        return normalised(account) + "\u0000" + address;
    }

    private static String normalised(String account) {
        return account == null ? "" : account.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Map<String, Failures> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
