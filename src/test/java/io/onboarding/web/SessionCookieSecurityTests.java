package io.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What only a real Tomcat shows: the session cookie it writes, and a form it cannot parse. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
class SessionCookieSecurityTests {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        // when
        HttpResponse<String> signIn = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
    }

    @Test
    void anUploadWithANulInItsFileNameIsA400WithTheReasonNotA500() throws Exception {
        // given a multipart form Tomcat refuses to read (it checks file names while parsing, before our code)
        String boundary = "----onboarding-nul";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cust\u0000omers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncustomerDomain\r\nx.com\r\n--" + boundary + "--\r\n";

        // when
        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(upload.body()).startsWith("Nothing was started: the upload's file name holds a character");
    }
}
