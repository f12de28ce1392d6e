package io.onboarding.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox refuses a request body field that Google's schema does not define exactly as Google's front end
 * does, and accepts every field it does define (google/request-fields.json). Raw HTTP, so that nothing but the
 * bytes below reaches it.
 */
class SandboxRequestFieldsTests {

    private static final String CUSTOMERS = "/apps/reseller/v1/customers";
    private static final String USERS = "/admin/directory/v1/users";
    private static final String ADDRESS = "{\"kind\":\"customers#address\",\"contactName\":\"Anna Acme\","
            + "\"organizationName\":\"Acme GmbH\",\"addressLine1\":\"Weg 1\",\"addressLine2\":\"Hinterhaus\","
            + "\"addressLine3\":\"3. OG\",\"locality\":\"Berlin\",\"region\":\"Berlin\",\"postalCode\":\"10115\","
            + "\"countryCode\":\"DE\"}";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestSandbox.start(new SandboxProperties(0, List.of(), List.of("mine.com"), null, null), json,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Nested
    class UnknownFields {

        @Test
        void aTopLevelFieldIsRefusedWithGooglesErrorAndNotApplied() throws Exception {
            // given the body the job sent before request types were split from the Customer resource
            String body = "{\"kind\":\"reseller#customer\",\"customerDomain\":\"acme.de\",\"customerType\":\"domain\","
                    + "\"alternateEmail\":\"it@acme-holding.com\",\"postalAddress\":" + ADDRESS
                    + ",\"fullResource\":true}";

            // when
            HttpResponse<String> answer = send("POST", CUSTOMERS, body);

            // then
            assertThat(answer.statusCode()).isEqualTo(400);
            String message = "Invalid JSON payload received. Unknown name \\\"fullResource\\\": Cannot find field.";
            assertThat(answer.body()).as("Google's body, byte for byte").isEqualTo("{\"error\":{\"code\":400,"
                    + "\"message\":\"" + message + "\","
                    + "\"errors\":[{\"message\":\"" + message + "\",\"reason\":\"invalid\"}],"
                    + "\"status\":\"INVALID_ARGUMENT\"}}");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(sandbox.accounts().customer("acme.de")).isEmpty();
            assertThat(sandbox.requests()).singleElement().satisfies(request -> {
                assertThat(request.status()).isEqualTo(400);
                assertThat(request.applied()).isFalse();
            });
        }

        @Test
        void aNestedFieldIsNamedWithThePathToItsObject() throws Exception {
            String body = "{\"customerDomain\":\"acme.de\",\"alternateEmail\":\"it@acme-holding.com\","
                    + "\"postalAddress\":{\"contactName\":\"Anna Acme\",\"organizationName\":\"Acme GmbH\","
                    + "\"postalCode\":\"10115\",\"countryCode\":\"DE\",\"foo\":\"bar\"}}";

            HttpResponse<String> answer = send("POST", CUSTOMERS, body);

            assertThat(answer.statusCode()).isEqualTo(400);
            String message = "Invalid JSON payload received. Unknown name \"foo\" at 'postal_address': "
                    + "Cannot find field.";
            assertThat(json.readTree(answer.body()).at("/error/message").asString()).isEqualTo(message);
            assertThat(json.readTree(answer.body()).at("/error/errors/0/message").asString()).isEqualTo(message);
            assertThat(json.readTree(answer.body()).at("/error/status").asString()).isEqualTo("INVALID_ARGUMENT");
            assertThat(sandbox.accounts().customer("acme.de")).isEmpty();
        }

        @Test
        void everyMethodOfTheJobIsChecked() throws Exception {
            // given a customer and a user to call the Directory methods on
            send("POST", USERS, "{\"primaryEmail\":\"admin@mine.com\",\"name\":{\"givenName\":\"Ada\","
                    + "\"familyName\":\"Min\"},\"password\":\"Str0ng-Pass!\"}");

            // when each body carries one field too many
            HttpResponse<String> insert = send("POST", USERS, "{\"primaryEmail\":\"boss@mine.com\",\"name\":"
                    + "{\"givenName\":\"Ada\",\"familyName\":\"Min\",\"middleName\":\"X\"},"
                    + "\"password\":\"Str0ng-Pass!\"}");
            HttpResponse<String> update = send("PUT", USERS + "/admin@mine.com",
                    "{\"password\":\"N3w-Passw0rd!\",\"isAdmin\":true}");
            HttpResponse<String> makeAdmin = send("POST", USERS + "/admin@mine.com/makeAdmin",
                    "{\"status\":true,\"role\":\"super\"}");
            HttpResponse<String> patch = send("PATCH", "/admin/directory/v1/customers/mine.com",
                    "{\"language\":\"de\",\"timeZone\":\"Europe/Berlin\"}");

            // then
            assertThat(List.of(insert, update, makeAdmin, patch)).extracting(HttpResponse::statusCode)
                    .containsOnly(400);
            assertThat(List.of(insert, update, makeAdmin, patch))
                    .extracting(answer -> json.readTree(answer.body()).at("/error/message").asString())
                    .containsExactly(
                            "Invalid JSON payload received. Unknown name \"middleName\" at 'name': Cannot find field.",
                            "Invalid JSON payload received. Unknown name \"isAdmin\": Cannot find field.",
                            "Invalid JSON payload received. Unknown name \"role\": Cannot find field.",
                            "Invalid JSON payload received. Unknown name \"timeZone\": Cannot find field.");
            assertThat(sandbox.accounts().user("boss@mine.com")).isEmpty();
            assertThat(sandbox.accounts().user("admin@mine.com").orElseThrow().superAdmin()).isFalse();
            assertThat(sandbox.accounts().customer("mine.com").orElseThrow().language()).isEqualTo("en");
        }
    }

    @Nested
    class KnownFields {

        @Test
        void aCustomerWithEveryFieldTheSchemaDefinesReadOnlyOnesIncludedIsCreated() throws Exception {
            String body = "{\"kind\":\"reseller#customer\",\"customerId\":\"C99999999\",\"customerDomain\":\"team.fr\","
                    + "\"customerType\":\"team\",\"alternateEmail\":\"boss@elsewhere.fr\","
                    + "\"phoneNumber\":\"+33123456789\","
                    + "\"postalAddress\":" + ADDRESS + ",\"primaryAdmin\":{\"primaryEmail\":\"owner@team.fr\"},"
                    + "\"resourceUiUrl\":\"https://admin.google.com\",\"customerDomainVerified\":false}";

            HttpResponse<String> answer = send("POST", CUSTOMERS, body);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(sandbox.accounts().customer("team.fr")).isPresent();
            assertThat(answer.body()).doesNotContain("fullResource");
        }

        @Test
        void aUserWithFieldsTheJobDoesNotSendButGoogleDefinesIsCreated() throws Exception {
            // given fields whose contents the schema leaves open (lists, maps) and read-only ones
            String body = "{\"kind\":\"admin#directory#user\",\"primaryEmail\":\"admin@mine.com\","
                    + "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Min\",\"displayName\":\"Ada Min\"},"
                    + "\"password\":\"Str0ng-Pass!\",\"changePasswordAtNextLogin\":true,\"orgUnitPath\":\"/\","
                    + "\"emails\":[{\"address\":\"ada@elsewhere.org\",\"type\":\"work\"}],"
                    + "\"customSchemas\":{\"Employment\":{\"badge\":\"42\"}}}";

            HttpResponse<String> answer = send("POST", USERS, body);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(sandbox.accounts().user("admin@mine.com")).isPresent();
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Bearer sandbox-token")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
