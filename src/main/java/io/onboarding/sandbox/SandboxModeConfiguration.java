package io.onboarding.sandbox;

import com.google.auth.Credentials;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.onboarding.google.GoogleEndpoints;
import io.onboarding.system.InSandboxMode;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sandbox mode: the Google clients talk to the embedded sandbox (started here, its state in its own database) or
 * to one in another process ({@code onboarding.sandbox.url}), with a fixed token.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(InSandboxMode.class)
class SandboxModeConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(Embedded.class)
    SandboxServer sandboxServer(SandboxProperties properties, Environment environment, JsonMapper json, Clock clock,
            ObjectProvider<SandboxInterceptor> interceptor) throws IOException {
        String url = SandboxDatabase.url(properties, environment.getProperty("spring.datasource.url"));
        return new SandboxServer(properties, SandboxDatabase.open(url, json), json, clock,
                interceptor.getIfAvailable(() -> SandboxInterceptor.NONE));
    }

    @Bean
    GoogleEndpoints googleEndpoints(SandboxProperties properties, ObjectProvider<SandboxServer> sandbox) {
        String url = properties.url();
        String base = url != null && !url.isBlank() ? url : sandbox.getObject().baseUrl();
        return new GoogleEndpoints(base, base);
    }

    @Bean
    Credentials googleCredentials() {
        return GoogleCredentials.create(new AccessToken("sandbox-token", new Date(Long.MAX_VALUE)));
    }

    /** The sandbox runs in this process: no {@code onboarding.sandbox.url} of one in another. */
    static final class Embedded implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("onboarding.sandbox.url");
            return url == null || url.isBlank();
        }
    }
}
