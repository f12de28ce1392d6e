package io.onboarding.google;

import com.google.auth.Credentials;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Builds the typed Google clients on one pooled, keep-alive HTTP client with the configured timeouts. */
@Configuration(proxyBeanMethods = false)
class GoogleClientConfiguration {

    @Bean
    JdkClientHttpRequestFactory googleRequestFactory(GoogleApiProperties properties) {
        // The JDK client pools connections and keeps them alive across calls.
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }

    @Bean
    ResellerClient resellerClient(RestClient.Builder builder, JdkClientHttpRequestFactory googleRequestFactory,
            GoogleEndpoints endpoints, Credentials googleCredentials, JsonMapper json, GoogleApiProperties properties) {
        RestClient rest = client(builder, googleRequestFactory, endpoints.resellerBaseUrl(), googleCredentials);
        return new RestResellerClient(rest, new GoogleErrors(json),
                new ApiThrottle("reseller", properties.resellerRequestsPerMinute()));
    }

    @Bean
    DirectoryClient directoryClient(RestClient.Builder builder, JdkClientHttpRequestFactory googleRequestFactory,
            GoogleEndpoints endpoints, Credentials googleCredentials, JsonMapper json, GoogleApiProperties properties) {
        RestClient rest = client(builder, googleRequestFactory, endpoints.directoryBaseUrl(), googleCredentials);
        return new RestDirectoryClient(rest, new GoogleErrors(json),
                new ApiThrottle("directory", properties.directoryRequestsPerMinute()),
                new UserCreationLimit(properties.userCreationsPerDomainPerSecond()));
    }

    private static RestClient client(RestClient.Builder builder, JdkClientHttpRequestFactory factory, String baseUrl,
            Credentials credentials) {
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .requestInterceptor(new CredentialsInterceptor(credentials))
                .build();
    }
}
