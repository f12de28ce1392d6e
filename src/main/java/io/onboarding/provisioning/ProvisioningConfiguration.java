package io.onboarding.provisioning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retries really wait in the application; unit tests give {@link TransientRetry} a sleeper that records. */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    @Bean
    Sleeper sleeper() {
        return Sleeper.REAL;
    }
}
