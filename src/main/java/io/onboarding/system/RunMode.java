package io.onboarding.system;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** Whether the job talks to Google or to the embedded sandbox. */
public enum RunMode {
    SANDBOX, PRODUCTION;

    /** What {@code onboarding.mode} may say. */
    public enum Setting { AUTO, SANDBOX, PRODUCTION }

    static final String CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS";

    /**
     * Decides the mode once, from configuration: explicit when set, otherwise production exactly when
     * a credentials file is configured — so a production run can never fall back to the sandbox.
     */
    static RunMode resolve(Environment environment) {
        Binder binder = Binder.get(environment);
        Setting setting = binder.bind("onboarding.mode", Setting.class).orElse(Setting.AUTO);
        return switch (setting) {
            case SANDBOX -> SANDBOX;
            case PRODUCTION -> PRODUCTION;
            case AUTO -> hasCredentials(environment) ? PRODUCTION : SANDBOX;
        };
    }

    private static boolean hasCredentials(Environment environment) {
        String configured = environment.getProperty("onboarding.google.credentials-file");
        String fromEnvironment = environment.getProperty(CREDENTIALS_ENV);
        return (configured != null && !configured.isBlank()) || (fromEnvironment != null && !fromEnvironment.isBlank());
    }
}
