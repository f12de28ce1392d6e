package io.onboarding.google;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Google APIs are and how to authenticate to them ({@code onboarding.google.*}).
 *
 * @param resellerBaseUrl where the Reseller API is (in sandbox mode the embedded sandbox is used instead)
 * @param directoryBaseUrl where the Directory API is (in sandbox mode the embedded sandbox is used instead)
 * @param credentialsFile service-account key file with domain-wide delegation; when absent (and no
 *     {@code GOOGLE_APPLICATION_CREDENTIALS}), the job runs against the embedded sandbox
 * @param delegatedAdmin the reseller admin the service account impersonates
 * @param tokenUri overrides the key file's {@code token_uri} when set
 * @param scopes the OAuth scopes requested, the ones to grant the service account under domain-wide
 *     delegation: Reseller orders, Directory customers and users
 * @param connectTimeout how long opening a connection to Google may take
 * @param readTimeout how long Google may take to answer a request
 * @param resellerRequestsPerMinute client-side limit for the Reseller API (Google publishes none): the rate
 *     to start at and never exceed, a lower one being learnt from Google's 429s; 0 = none
 * @param directoryRequestsPerMinute the same for the Directory API (default: Google's default quota)
 * @param userCreationsPerDomainPerSecond Directory's limit on users.insert per customer domain
 * @param maxConnections keep-alive connections pooled per API host (Apache HttpClient 5); keep it above
 *     {@code onboarding.workers} so that no worker waits for one. The client never retries by itself: every
 *     retry is the job's, counted in the report
 */
@ConfigurationProperties("onboarding.google")
public record GoogleApiProperties(
        @DefaultValue("https://reseller.googleapis.com") String resellerBaseUrl,
        @DefaultValue("https://admin.googleapis.com") String directoryBaseUrl,
        String tokenUri,
        Path credentialsFile,
        String delegatedAdmin,
        @DefaultValue({"https://www.googleapis.com/auth/apps.order",
                "https://www.googleapis.com/auth/admin.directory.customer",
                "https://www.googleapis.com/auth/admin.directory.user"}) List<String> scopes,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("1200") int resellerRequestsPerMinute,
        @DefaultValue("2400") int directoryRequestsPerMinute,
        @DefaultValue("10") int userCreationsPerDomainPerSecond,
        @DefaultValue("64") int maxConnections) {
}
