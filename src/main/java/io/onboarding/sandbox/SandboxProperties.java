package io.onboarding.sandbox;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Google API sandbox ({@code onboarding.sandbox.*}).
 *
 * @param port loopback port to listen on; 0 picks a free one
 * @param foreignDomains domains that already exist at Google under another owner (direct customers
 *     or another reseller's): customers.insert answers 409 and customers.get the minimal resource
 * @param ownDomains domains that are already this reseller's customers before the run
 * @param url a sandbox already running in another process ({@link SandboxMain}); when set, none is started
 *     here — this is how crash tests keep the sandbox's state while they kill the job
 */
@ConfigurationProperties("onboarding.sandbox")
public record SandboxProperties(
        @DefaultValue("0") int port,
        @DefaultValue("already-at-google.com") List<String> foreignDomains,
        @DefaultValue List<String> ownDomains,
        String url) {
}
