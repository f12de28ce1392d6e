package io.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.onboarding.sandbox.TestSandbox;
import io.onboarding.sandbox.TestSandboxConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every console action, signed in and not, with and without CSRF token, against the real job and sandbox. */
@Import(TestSandboxConfiguration.class)
@SpringBootTest(properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConsoleControllerTests {

    private static final String SAMPLE_HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName\n";
    private static final RequestPostProcessor OPERATOR = user("olivia").roles("OPERATOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSandbox sandbox;

    @Autowired
    UploadProperties uploadProperties;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        sandbox.reset();
        jdbc.sql("DELETE FROM PROVISIONING_LEDGER").update();
    }

    @Test
    void anonymousRequestsGoToSignInAndOnlyTheSignInPageAndHealthAreOpen() throws Exception {
        for (String page : new String[] {"/", "/runs", "/runs/1", "/runs/1/results.csv", "/uploads/u-20260101-000000-00000000",
                "/actuator/metrics"}) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/uploads").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(
                org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void kubernetesProbesAnswerWithoutSignInAndNoOtherHealthPathDoes() throws Exception {
        // when: the kubelet asks, signed in as nobody (deploy/deployment.yaml's probes)
        // then: the application's own states, not a redirect to /login — which the kubelet would count as healthy
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            mvc.perform(get(probe)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        }
        mvc.perform(get("/actuator/health/db")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void everyFormNeedsItsCsrfToken() throws Exception {
        long before = uploadsStored();
        mvc.perform(multipart("/uploads").file(csv("x.csv", SAMPLE_HEADER)).with(OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(post("/uploads/u-20260101-000000-00000000/start").with(OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(post("/runs/1/stop").with(OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(post("/runs/1/restart").with(OPERATOR)).andExpect(status().isForbidden());
        assertThat(uploadsStored()).isEqualTo(before);
    }

    @Test
    void signInWithTheConfiguredOrOneTimePasswordOnly() throws Exception {
        mvc.perform(post("/login").param("username", "operator").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aFileNameWithAPathOrNotCsvIsRefusedAndNothingIsStored() throws Exception {
        long before = uploadsStored();
        mvc.perform(multipart("/uploads").file(csv("../../etc/passwd.txt", SAMPLE_HEADER)).with(OPERATOR).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("problem", org.hamcrest.Matchers.containsString("'passwd.txt' is not one")));
        mvc.perform(multipart("/uploads").file(csv("customers.xlsx", SAMPLE_HEADER)).with(OPERATOR).with(csrf()))
                .andExpect(model().attribute("problem", org.hamcrest.Matchers.containsString("Only .csv files")));
        mvc.perform(multipart("/uploads").file(csv("empty.csv", "")).with(OPERATOR).with(csrf()))
                .andExpect(model().attribute("problem", "Nothing was started: The file 'empty.csv' is empty."));
        assertThat(uploadsStored()).isEqualTo(before);
        assertThat(Files.exists(Path.of("/etc/passwd.txt"))).isFalse();
    }

    @Test
    void aStructuralProblemShowsTheCommandLinesMessageAndStartsNothing() throws Exception {
        mvc.perform(multipart("/uploads").file(csv("no-country.csv", "customerDomain,organizationName,contactName,"
                + "postalCode\nx.com,X,Y,12345\n")).with(OPERATOR).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("problem", org.hamcrest.Matchers.startsWith(
                        "Nothing was started: The header lacks required column countryCode")));
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void aFileWithAHeaderButNoRowsIsRefusedByItsOwnName() throws Exception {
        mvc.perform(multipart("/uploads").file(csv("Kunden leer.csv", SAMPLE_HEADER + "\n\n")).with(OPERATOR).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("problem", org.hamcrest.Matchers.startsWith(
                        "Nothing was started: The file 'Kunden leer.csv' has a header but no rows")));
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void aRunGoogleRefusedTheCredentialsOfSaysSoFirstOnItsPageAndSummary() throws Exception {
        // given a token endpoint that issued a token to somebody else, so that it takes no other token any more
        java.net.http.HttpResponse<String> grant = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.tokenUri()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type="
                                + "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=e30.e30.c2ln"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(grant.statusCode()).isEqualTo(200);
        String preview = mvc.perform(multipart("/uploads").file(csv("refused.csv", SAMPLE_HEADER
                + "console-refused.com,Refused Inc.,Ray Refused,12345,US,ray@example.com,Ray,Refused\n")).with(OPERATOR)
                .with(csrf())).andReturn().getResponse().getRedirectedUrl();

        // when
        mvc.perform(post(preview + "/start").with(OPERATOR).with(csrf()));
        String run = new ConsoleWaits(mvc, OPERATOR).run(preview);
        new ConsoleWaits(mvc, OPERATOR).finished(Long.parseLong(run.substring("/runs/".length())));

        // then
        mvc.perform(get(run).with(OPERATOR)).andExpect(content().string(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("<p class=\"error\" role=\"alert\">Google refused our credentials"),
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("FatalStepExecutionException")))));
        mvc.perform(get(run + "/summary.txt").with(OPERATOR)).andExpect(content().string(
                org.hamcrest.Matchers.matchesPattern("(?s)Run \\d+: FAILED\nrun failure: Google refused our credentials "
                        + "on customers\\.\\w+ \\(HTTP 401.*")));
    }

    @Test
    void uploadPreviewStartProgressResultsAndDownloads() throws Exception {
        String file = SAMPLE_HEADER + "console-one.com,One Inc.,Ola One,12345,US,ola@example.com,Ola,One\n"
                + "not a domain,Bad Inc.,Bo Bad,12345,US,bo@example.com,Bo,Bad\n";

        MvcResult uploaded = mvc.perform(multipart("/uploads").file(csv("Kunden März.csv", file)).with(OPERATOR)
                .with(csrf())).andExpect(redirectedUrlPattern("/uploads/u-*")).andReturn();
        String preview = uploaded.getResponse().getRedirectedUrl();
        String id = preview.substring("/uploads/".length());

        assertThat(sandbox.requests()).as("a preview orders nothing").isEmpty();
        assertThat(uploadProperties.dir().resolve(id + ".csv")).hasContent(file.strip());
        mvc.perform(get(preview).with(OPERATOR)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Preview of <span>Kunden März.csv</span>"),
                        org.hamcrest.Matchers.containsString("<td>VALID</td><td class=\"number\">1</td>"),
                        org.hamcrest.Matchers.containsString("customerDomain: &#39;not a domain&#39; is not a valid domain"))));
        mvc.perform(get(preview + "/rejects.csv").with(OPERATOR)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("rejects.csv")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not a domain")));

        mvc.perform(post(preview + "/start").with(OPERATOR).with(csrf())).andExpect(redirectedUrl(preview + "/run"));
        String run = new ConsoleWaits(mvc, OPERATOR).run(preview);
        long runId = Long.parseLong(run.substring("/runs/".length()));
        new ConsoleWaits(mvc, OPERATOR).finished(runId);

        mvc.perform(get(run + "/progress").with(OPERATOR)).andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.done").value(2)).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.counts.ONBOARDED").value(1)).andExpect(jsonPath("$.counts.INVALID").value(1))
                .andExpect(jsonPath("$.retries").value(0));
        mvc.perform(get(run).with(OPERATOR)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("console-one.com")));
        mvc.perform(get(run).param("outcome", "INVALID").with(OPERATOR))
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("not a domain"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<td>console-one.com</td>")))));
        mvc.perform(get(run + "/results.csv").with(OPERATOR))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"console-one.com\",\"\",\"ONBOARDED\"")));
        mvc.perform(get(run + "/rejects.csv").with(OPERATOR))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not a domain")));
        mvc.perform(get(run + "/summary.txt").with(OPERATOR))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ONBOARDED            1")));
        mvc.perform(get("/runs").with(OPERATOR)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/runs/" + runId)));

        mvc.perform(get("/actuator/metrics").with(OPERATOR)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("spring.batch.job")));
        mvc.perform(get("/actuator/health").with(OPERATOR)).andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(post(run + "/stop").with(OPERATOR).with(csrf())).andExpect(redirectedUrl(run))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("message",
                        "Run " + runId + " is not running (COMPLETED); nothing to stop."));
        mvc.perform(post(run + "/restart").with(OPERATOR).with(csrf())).andExpect(redirectedUrl(run));
        mvc.perform(post(preview + "/start").with(OPERATOR).with(csrf())).andExpect(redirectedUrl(preview + "/run"));
        assertThat(new ConsoleWaits(mvc, OPERATOR).refusal(preview))
                .isEqualTo("This file (same name and content) was already processed completely in run " + runId
                        + ". Nothing was sent to Google again.");
        assertThat(sandbox.requests().stream().filter(r -> r.call().equals("customers.insert")).count())
                .as("a completed file is not ordered again").isEqualTo(1);
    }

    @Autowired
    io.onboarding.system.OnboardingProperties onboarding;

    @Test
    void aNoticeACrashLeftUncertainIsListedAndCanBeRecordedAsArrivedOrSentAgain() throws Exception {
        // what a kill while the mail server had the notice of a complete team customer leaves behind
        jdbc.sql("""
                INSERT INTO PROVISIONING_LEDGER (CUSTOMER_DOMAIN, CUSTOMER_ID, CUSTOMER_TYPE, ORDERED_AT, COMPLETED_BY_RUN,
                    COMPLETED_AT, NOTICE_STATUS, NOTICE_RECIPIENT, NOTICE_LANGUAGE, NOTICE_CONTACT, NOTICE_ORGANIZATION)
                VALUES ('cut-short.it', 'C0ffee', 'team', CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 'UNCERTAIN',
                    'tea@example.it', 'it', 'Tea Team', 'Squadra Srl')""").update();
        mvc.perform(post("/notices/arrived").param("domain", "cut-short.it").with(csrf()))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/notices/resend").param("domain", "cut-short.it").with(OPERATOR))
                .andExpect(status().isForbidden());

        mvc.perform(get("/runs").with(OPERATOR)).andExpect(content().string(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("Notices a crash cut short"),
                org.hamcrest.Matchers.containsString("<td>cut-short.it</td>"),
                org.hamcrest.Matchers.containsString("<td>tea@example.it</td>"))));

        mvc.perform(post("/notices/arrived").param("domain", "cut-short.it").with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrl("/runs"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("message",
                        "cut-short.it: recorded as arrived."));
        assertThat(noticeStatus("cut-short.it")).isEqualTo("SENT");
        mvc.perform(get("/runs").with(OPERATOR)).andExpect(content().string(
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Notices a crash cut short"))));
        mvc.perform(post("/notices/arrived").param("domain", "cut-short.it").with(OPERATOR).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("message",
                        "cut-short.it: not recorded: cut-short.it has no notice that a crash left uncertain (its "
                                + "notice is sent)"));

        jdbc.sql("UPDATE PROVISIONING_LEDGER SET NOTICE_STATUS = 'UNCERTAIN'").update();
        mvc.perform(post("/notices/resend").param("domain", "https://Cut-Short.IT.").with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrl("/runs"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("message",
                        "cut-short.it: notice sent again; a domain customer's admin has a new temporary password."));
        assertThat(noticeStatus("cut-short.it")).isEqualTo("SENT");
        try (Stream<Path> files = Files.walk(onboarding.reportDir())) {
            assertThat(files.filter(f -> f.toString().endsWith("cut-short.it-team.eml"))
                    .filter(f -> f.getParent().getParent().getFileName().toString().startsWith("notices-")))
                    .as("the notice, in a folder of its own").hasSize(1);
        }
        mvc.perform(post("/notices/resend").param("domain", "never-here.com").with(OPERATOR).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("message",
                        "never-here.com: not sent: never-here.com is not a customer this job has onboarded completely; "
                                + "the results.csv of its run says where it stands"));
        mvc.perform(post("/notices/arrived").param("domain", " \u0007 ").with(OPERATOR).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("message",
                        "The domain given: not recorded: that is not a domain name"));
    }

    private String noticeStatus(String domain) {
        return jdbc.sql("SELECT NOTICE_STATUS FROM PROVISIONING_LEDGER WHERE CUSTOMER_DOMAIN = ?").param(domain)
                .query(String.class).single();
    }

    @Test
    void unknownUploadsAndRunsAre404() throws Exception {
        mvc.perform(get("/uploads/u-20260101-000000-00000000").with(OPERATOR)).andExpect(status().isNotFound());
        mvc.perform(get("/uploads/..%2F..%2Fetc").with(OPERATOR)).andExpect(status().is4xxClientError());
        mvc.perform(get("/runs/987654").with(OPERATOR)).andExpect(status().isNotFound());
        mvc.perform(get("/runs/987654/results.csv").with(OPERATOR)).andExpect(status().isNotFound());
    }

    private long uploadsStored() throws Exception {
        Path uploads = uploadProperties.dir();
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.count();
        }
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
