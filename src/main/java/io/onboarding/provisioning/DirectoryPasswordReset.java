package io.onboarding.provisioning;

import io.micrometer.core.instrument.MeterRegistry;
import io.onboarding.google.DirectoryClient;
import io.onboarding.notification.AdminPasswordReset;
import org.springframework.stereotype.Component;

/**
 * Resets an admin's password with users.update, retried like every provisioning call: a new temporary
 * password, to be changed at the next sign-in, for a notice whose first password is no longer known.
 */
@Component
class DirectoryPasswordReset implements AdminPasswordReset {

    private final DirectoryClient directory;
    private final TemporaryPasswordGenerator passwords;
    private final RetryProperties retryProperties;
    private final Sleeper sleeper;
    private final MeterRegistry meters;

    DirectoryPasswordReset(DirectoryClient directory, TemporaryPasswordGenerator passwords,
            RetryProperties retryProperties, Sleeper sleeper, MeterRegistry meters) {
        this.directory = directory;
        this.passwords = passwords;
        this.retryProperties = retryProperties;
        this.sleeper = sleeper;
        this.meters = meters;
    }

    @Override
    public String reset(String adminEmail) {
        String password = passwords.generate();
        new TransientRetry(retryProperties, sleeper, meters).run(() -> directory.resetPassword(adminEmail, password));
        return password;
    }
}
