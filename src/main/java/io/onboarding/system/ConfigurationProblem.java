package io.onboarding.system;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The configuration cannot work (no readable key file, no delegated admin): the run stops at start-up,
 * before any row is touched, with exit code 2 and a message saying what to fix.
 */
public class ConfigurationProblem extends RuntimeException implements ExitCodeGenerator {

    static final int EXIT_CODE = 2;

    private final String action;

    public ConfigurationProblem(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
