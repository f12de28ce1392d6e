package io.onboarding.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.Credentials;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request body the clients send holds only fields Google's schema defines ({@value RequestFields#RESOURCE}):
 * Google refuses any other with 400 "Unknown name", for every row. The clients are the production beans of
 * {@link GoogleClientConfiguration} on Spring Boot's own RestClient builder, Jackson and message converters, so
 * the bodies checked are the bytes the job would put on the wire.
 */
class RequestContractTests {

    private static final RequestFields FIELDS = RequestFields.load(JsonMapper.shared());

    private final ApplicationContextRunner production = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
            .withUserConfiguration(GoogleClientConfiguration.class, Wire.class)
            .withBean(io.micrometer.core.instrument.MeterRegistry.class,
                    io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
            .withBean(java.time.Clock.class, java.time.Clock::systemUTC);

    @Test
    void customersInsertOfADomainCustomer() {
        // given every optional field filled, as provisioning fills them from a complete row
        NewCustomer domain = new NewCustomer("acme.de", "domain", "it@acme-holding.com", "+49301234567",
                fullAddress(), null);

        // when
        Set<String> fields = sentFields("customers.insert", clients -> clients.reseller().insertCustomer(domain, null));

        // then
        assertThat(fields).isSubsetOf(FIELDS.of("customers.insert"))
                .contains("kind", "alternateEmail", "phoneNumber", "postalAddress.addressLine3",
                        "postalAddress.region");
    }

    @Test
    void customersInsertOfATeamCustomer() {
        NewCustomer team = new NewCustomer("team.fr", "team", "boss@elsewhere.fr", "+33123456789", fullAddress(),
                new Customer.PrimaryAdmin("owner@team.fr"));

        Set<String> fields = sentFields("customers.insert", clients -> clients.reseller().insertCustomer(team, null));

        assertThat(fields).isSubsetOf(FIELDS.of("customers.insert")).contains("primaryAdmin.primaryEmail");
    }

    @Test
    void customersInsertOfATransfer() {
        // given a transfer: the token goes in the query, the body is the domain customer's
        NewCustomer moving = new NewCustomer("moving.de", "domain", "it@acme-holding.com", "+49301234567",
                fullAddress(), null);

        Set<String> fields = sentFields("customers.insert",
                clients -> clients.reseller().insertCustomer(moving, "a1b2c3d4"));

        assertThat(fields).isSubsetOf(FIELDS.of("customers.insert")).doesNotContain("customerAuthToken");
    }

    @Test
    void customersPatchOfTheLanguage() {
        Set<String> fields = sentFields("customers.patch",
                clients -> clients.directory().setCustomerLanguage("C01234567", "de"));

        assertThat(fields).isSubsetOf(FIELDS.of("customers.patch")).containsExactly("language");
    }

    @Test
    void usersInsertOfTheFirstAdmin() {
        Set<String> fields = sentFields("users.insert", clients -> clients.directory().insertUser(
                NewUser.admin("admin@acme.de", "Anna", "Acme", "Str0ng-Pass!")));

        assertThat(fields).isSubsetOf(FIELDS.of("users.insert"))
                .contains("primaryEmail", "name.givenName", "name.familyName", "password", "changePasswordAtNextLogin");
    }

    @Test
    void usersUpdateOfThePassword() {
        Set<String> fields = sentFields("users.update",
                clients -> clients.directory().resetPassword("admin@acme.de", "N3w-Passw0rd!"));

        assertThat(fields).isSubsetOf(FIELDS.of("users.update"))
                .containsExactlyInAnyOrder("password", "changePasswordAtNextLogin");
    }

    @Test
    void usersMakeAdmin() {
        Set<String> fields = sentFields("users.makeAdmin",
                clients -> clients.directory().makeSuperAdmin("admin@acme.de"));

        assertThat(fields).isSubsetOf(FIELDS.of("users.makeAdmin")).containsExactly("status");
    }

    @Test
    void aRequestHoldingAPasswordNeverPrintsIt() {
        // Spring logs the objects it writes at DEBUG by their toString()
        assertThat(NewUser.admin("admin@acme.de", "Anna", "Acme", "Str0ng-Pass!").toString())
                .doesNotContain("Str0ng-Pass!").contains("admin@acme.de", "password=(hidden)");
        assertThat(PasswordUpdate.temporary("N3w-Passw0rd!").toString())
                .doesNotContain("N3w-Passw0rd!").contains("password=(hidden)");
    }

    /** The fields of the one body the call sent, through the production clients. */
    private Set<String> sentFields(String method, Call call) {
        Set<String> fields = new TreeSet<>();
        production.run(context -> {
            Sent sent = context.getBean(Sent.class);

            call.run(new Clients(context.getBean(ResellerClient.class), context.getBean(DirectoryClient.class)));

            assertThat(sent.bodies).as("bodies sent by %s", method).hasSize(1);
            fields.addAll(fieldsOf(JsonMapper.shared().readTree(sent.bodies.get(0))));
        });
        return fields;
    }

    /** Every field of a JSON object, and of the objects inside it, as dotted paths. */
    private static Set<String> fieldsOf(JsonNode body) {
        Set<String> fields = new TreeSet<>();
        collect(body, "", fields);
        return fields;
    }

    private static void collect(JsonNode object, String prefix, Set<String> fields) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            fields.add(prefix + field.getKey());
            if (field.getValue().isObject()) {
                collect(field.getValue(), prefix + field.getKey() + ".", fields);
            }
        }
    }

    private static PostalAddress fullAddress() {
        return new PostalAddress(PostalAddress.KIND, "Anna Acme", "Acme GmbH", "Weg 1", "Hinterhaus", "3. OG",
                "Berlin", "Berlin", "10115", "DE");
    }

    private interface Call {
        void run(Clients clients);
    }

    private record Clients(ResellerClient reseller, DirectoryClient directory) {
    }

    /** The bodies the clients wrote, in order. */
    static final class Sent {
        final List<String> bodies = new ArrayList<>();
    }

    /**
     * What production wires around the clients, with a wire that keeps each body and answers as Google does
     * instead of sending it.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GoogleApiProperties.class)
    static class Wire {

        @Bean
        Sent sent() {
            return new Sent();
        }

        @Bean
        RestClientCustomizer keepBodies(Sent sent) {
            return builder -> builder.requestInterceptor((request, body, execution) -> {
                sent.bodies.add(new String(body, StandardCharsets.UTF_8));
                MockClientHttpResponse answer = new MockClientHttpResponse(
                        "{\"kind\":\"reseller#customer\",\"customerId\":\"C01234567\",\"id\":\"1\"}"
                                .getBytes(StandardCharsets.UTF_8), HttpStatus.OK);
                answer.getHeaders().setContentType(MediaType.APPLICATION_JSON);
                return answer;
            });
        }

        @Bean
        GoogleEndpoints googleEndpoints() {
            return new GoogleEndpoints("https://reseller.googleapis.com", "https://admin.googleapis.com");
        }

        @Bean
        Credentials googleCredentials() {
            return GoogleCredentials.create(new AccessToken("contract-test", new Date(Long.MAX_VALUE)));
        }
    }
}
