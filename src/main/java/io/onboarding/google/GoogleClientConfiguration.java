package io.onboarding.google;

import com.google.auth.Credentials;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Builds the typed Google clients on one pooled, keep-alive HTTP client: {@link GoogleHttp}. */
@Configuration(proxyBeanMethods = false)
class GoogleClientConfiguration {

    @Bean
    HttpComponentsClientHttpRequestFactory googleRequestFactory(GoogleApiProperties properties) {
        return GoogleHttp.requestFactory(properties.connectTimeout(), properties.readTimeout(),
                properties.maxConnections());
    }

    @Bean
    ResellerClient resellerClient(RestClient.Builder builder, ClientHttpRequestFactory googleRequestFactory,
            GoogleEndpoints endpoints, Credentials googleCredentials, JsonMapper json, GoogleApiProperties properties,
            MeterRegistry meters, Clock clock) {
        RestClient rest = client(builder, googleRequestFactory, endpoints.resellerBaseUrl(), googleCredentials);
        return new RestResellerClient(rest, new GoogleErrors(json, clock),
                new ApiThrottle("reseller", properties.resellerRequestsPerMinute(), meters));
    }

    @Bean
    DirectoryClient directoryClient(RestClient.Builder builder, ClientHttpRequestFactory googleRequestFactory,
            GoogleEndpoints endpoints, Credentials googleCredentials, JsonMapper json, GoogleApiProperties properties,
            MeterRegistry meters, Clock clock) {
        RestClient rest = client(builder, googleRequestFactory, endpoints.directoryBaseUrl(), googleCredentials);
        return new RestDirectoryClient(rest, new GoogleErrors(json, clock),
                new ApiThrottle("directory", properties.directoryRequestsPerMinute(), meters),
                new UserCreationLimit(properties.userCreationsPerDomainPerSecond()));
    }

    private static RestClient client(RestClient.Builder builder, ClientHttpRequestFactory factory,
            String baseUrl, Credentials credentials) {
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .requestInterceptor(new CredentialsInterceptor(credentials))
                .build();
    }
}
