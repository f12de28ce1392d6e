package io.onboarding.system;

/**
 * The configuration cannot work (no readable key file, no delegated admin): the run stops at start-up,
 * before any row is touched, with exit code 2 (the command line's answer to a context that cannot start) and a
 * message saying what to fix.
 */
public class ConfigurationProblem extends RuntimeException {

    private final String action;

    public ConfigurationProblem(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }
}
