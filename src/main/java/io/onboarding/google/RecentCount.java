package io.onboarding.google;

import java.time.Duration;
import java.util.Arrays;

/**
 * How many events happened in the last ten seconds, in slots of 10 ms: what the throttle sent and what
 * Google accepted, so that a 429 can be weighed against what really went through.
 */
final class RecentCount {

    private static final long SLOT_NANOS = Duration.ofMillis(10).toNanos();
    private static final int SLOTS = 1_000;

    private final long[] counts = new long[SLOTS];
    private final long[] slotOf = new long[SLOTS];

    RecentCount() {
        Arrays.fill(slotOf, Long.MIN_VALUE);
    }

    synchronized void add(long nanos) {
        long slot = Math.floorDiv(nanos, SLOT_NANOS);
        int index = (int) Math.floorMod(slot, SLOTS);
        if (slotOf[index] != slot) {
            slotOf[index] = slot;
            counts[index] = 0;
        }
        counts[index]++;
    }

    /** Events in the {@code window} up to {@code nanos}, to the slot; at most ten seconds back. */
    synchronized long within(Duration window, long nanos) {
        long last = Math.floorDiv(nanos, SLOT_NANOS);
        long slots = Math.min(SLOTS, Math.max(1, window.toNanos() / SLOT_NANOS));
        long sum = 0;
        for (long slot = last - slots + 1; slot <= last; slot++) {
            int index = (int) Math.floorMod(slot, SLOTS);
            if (slotOf[index] == slot) {
                sum += counts[index];
            }
        }
        return sum;
    }
}
