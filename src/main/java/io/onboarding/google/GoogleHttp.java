package io.onboarding.google;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The HTTP under the Google clients: blocking calls on the worker's own thread over pooled keep-alive
 * connections (the JDK client's asynchronous hand-offs cost a third of the throughput on 2 cores). It
 * never retries by itself — Apache's default would resend 429s and 503s unseen — so every retry is the
 * job's decision, counted and reported.
 */
final class GoogleHttp {

    private GoogleHttp() {
    }

    /** @param maxConnections kept alive per API host */
    static HttpComponentsClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout,
            int maxConnections) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(2 * maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        // A connection the server may have closed while idle is checked before it is reused.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(http);
        factory.setConnectionRequestTimeout(connectTimeout);
        factory.setReadTimeout(readTimeout);
        return factory;
    }
}
