package io.onboarding.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults tests switch on: a call applied and then answered 503, applied and then cut off, applied and
 * then held (a window in which to kill the client), a request rejected without being applied (503, or 403 for
 * good), and a fixed delay per request. Occurrences are counted per call from the last {@link #clear()}.
 */
public final class SandboxFaults {

    /** What happens to the chosen request. */
    public enum Kind {
        /** Apply it, then answer 503 backendError: the client cannot know it was applied. */
        RESPOND_503_AFTER_APPLY,
        /** Apply it, then close the connection without an answer. */
        DROP_AFTER_APPLY,
        /** Apply it, then wait before answering. */
        HOLD_AFTER_APPLY,
        /** Answer 503 without applying it. */
        REJECT_503,
        /** Answer 403 forbidden without applying it: a refusal no retry overcomes. */
        REFUSE_403
    }

    /**
     * A fault for the {@code nth} occurrence (1-based; 0 for every one) of {@code call}, or of any call when it
     * is "*"; with {@code containing}, only for a request whose path or body contains it (occurrences are counted
     * all the same).
     */
    public record Rule(String call, int nth, Kind kind, Duration hold, String containing) {

        public Rule(String call, int nth, Kind kind, Duration hold) {
            this(call, nth, kind, hold, null);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;

    public void add(Rule rule) {
        rules.add(rule);
    }

    public void failAfterApply(String call, int nth) {
        add(new Rule(call, nth, Kind.RESPOND_503_AFTER_APPLY, Duration.ZERO));
    }

    public void dropAfterApply(String call, int nth) {
        add(new Rule(call, nth, Kind.DROP_AFTER_APPLY, Duration.ZERO));
    }

    public void holdAfterApply(String call, int nth, Duration hold) {
        add(new Rule(call, nth, Kind.HOLD_AFTER_APPLY, hold));
    }

    /** Rejects the {@code nth} request of any kind with a 503, without applying it. */
    public void rejectNth(int nth) {
        add(new Rule("*", nth, Kind.REJECT_503, Duration.ZERO));
    }

    /** Refuses every {@code call} whose path or body contains the text with a 403, without applying it. */
    public void refuseAll(String call, String containing) {
        add(new Rule(call, 0, Kind.REFUSE_403, Duration.ZERO, containing));
    }

    /** Every request waits this long before it is handled. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    public void clear() {
        rules.clear();
        occurrences.clear();
        delay = Duration.ZERO;
    }

    Duration delay() {
        return delay;
    }

    /** Counts this request and returns the fault that applies to it, or null. */
    Rule next(SandboxRequest request) {
        String call = request.call();
        int ofCall = occurrences.computeIfAbsent(call, key -> new AtomicInteger()).incrementAndGet();
        int ofAll = occurrences.computeIfAbsent("*", key -> new AtomicInteger()).incrementAndGet();
        for (Rule rule : rules) {
            int nth = rule.call().equals("*") ? ofAll : rule.call().equals(call) ? ofCall : -1;
            boolean contains = rule.containing() == null || request.path().contains(rule.containing())
                    || (request.body() != null && request.body().contains(rule.containing()));
            if (nth > 0 && (rule.nth() == 0 || rule.nth() == nth) && contains) {
                return rule;
            }
        }
        return null;
    }
}
