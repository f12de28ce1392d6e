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
 * @param url a sandbox already running in another process; when set, none is started here — this is how
 *     crash tests keep the sandbox's state while they kill the job
 * @param databaseUrl the H2 database in which the sandbox keeps the customers and users it created, so that a
 *     later process (restart, notify, a re-submitted row) finds them; empty: {@code sandbox} beside the job's
 *     own H2 file ({@code data/sandbox.mv.db} by default), in memory when the job's database is, and
 *     {@code ./data/sandbox} when the job's database is not H2 (a production PostgreSQL never holds sandbox
 *     tables)
 */
@ConfigurationProperties("onboarding.sandbox")
public record SandboxProperties(
        @DefaultValue("0") int port,
        @DefaultValue("already-at-google.com") List<String> foreignDomains,
        @DefaultValue List<String> ownDomains,
        String url,
        String databaseUrl) {
}
