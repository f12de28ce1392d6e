package io.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a probe of the console found: guessing passwords, uploads kept forever, page numbers that overflow,
 * file names with NUL, forged log lines, a restart that claimed to start when it was refused.
 */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "onboarding.web.operators[0].name=ada",
        "onboarding.web.operators[0].password-hash={noop}right-Password-1"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ConsoleSecurityTests {

    private static final String HEADER = "customerDomain,organizationName,contactName,postalCode,countryCode,"
            + "alternateEmail,adminGivenName,adminFamilyName,adminPassword\n";
    private static final RequestPostProcessor OPERATOR = user("olivia").roles("OPERATOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    UploadProperties uploadProperties;

    @Test
    void afterFiveWrongPasswordsFromOneAddressEvenTheRightOneWaitsButAnotherAddressSignsIn(CapturedOutput output)
            throws Exception {
        // given five wrong passwords for ada from 10.1.1.1
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn("ada", "guess-" + i, "10.1.1.1")).andExpect(redirectedUrl("/login?error"));
        }

        // when / then: the right one from there is refused unchecked, with the same generic answer
        mvc.perform(signIn("ada", "right-Password-1", "10.1.1.1")).andExpect(redirectedUrl("/login?error"));
        // and from another address it works (per account alone: no lock)
        mvc.perform(signIn("ada", "right-Password-1", "10.2.2.2")).andExpect(redirectedUrl("/"));
        assertThat(output.getAll()).contains("failed sign-in as 'ada' from 10.1.1.1",
                "sign-in as 'ada' from 10.1.1.1 refused unchecked");
    }

    @Test
    void aNameWithALineBreakCannotForgeALogLine(CapturedOutput output) throws Exception {
        // when
        mvc.perform(signIn("ada\n2026-12-04 INFO forged: operator ada signed in", "x", "10.3.3.3"));
        mvc.perform(post("/notices/arrived").param("domain", "acme.de\nFORGED LINE").with(OPERATOR).with(csrf()));

        // then
        assertThat(output.getAll()).doesNotContain("\n2026-12-04 INFO forged").doesNotContain("\nFORGED LINE");
    }

    @Test
    void uploadsAreOwnerOnlyAndARefusedOneIsDeletedAtOnce() throws Exception {
        // given
        Path folder = uploadProperties.dir();
        java.util.Set<String> before = names(folder);

        // when a file the preview refuses (no country column) and one it accepts
        mvc.perform(multipart("/uploads").file(csv("bad.csv", "customerDomain,organizationName,contactName,"
                + "postalCode\nx.com,X,Y,12345\n")).with(OPERATOR).with(csrf())).andExpect(status().isOk());
        MvcResult good = mvc.perform(multipart("/uploads").file(csv("good.csv", HEADER
                + "sec-one.com,One Inc.,Ola One,12345,US,ola@example.com,Ola,One,Secret-123!x\n"))
                .with(OPERATOR).with(csrf())).andExpect(redirectedUrlPattern("/uploads/u-*")).andReturn();

        // then
        String id = good.getResponse().getRedirectedUrl().substring("/uploads/".length());
        java.util.Set<String> added = names(folder);
        added.removeAll(before);
        assertThat(added).as("only the accepted upload stays").containsExactlyInAnyOrder(id + ".csv", id + ".names");
        assertThat(mode(folder.resolve(id + ".csv"))).isEqualTo("rw-------");
        assertThat(mode(folder)).isEqualTo("rwx------");
    }

    @Test
    void aFileNameWithNulOrAFolderKeepsOnlyItsBaseNamesSafeCharactersAndDoubleDotsAreFine() throws Exception {
        String file = HEADER + "sec-two.com,Two Inc.,Ola Two,12345,US,ola@example.com,Ola,Two,\n";

        // when / then
        mvc.perform(multipart("/uploads").file(csv("cust\u0000omers.csv", file)).with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrlPattern("/uploads/u-*"));
        mvc.perform(multipart("/uploads").file(csv("customers..csv", file)).with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrlPattern("/uploads/u-*"));
        mvc.perform(multipart("/uploads").file(csv("C:\\Users\\ada\\..\\Kunden.csv", file)).with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrlPattern("/uploads/u-*"));
        assertThat(Uploads.displayName("cust\u0000omers.csv")).isEqualTo("customers.csv");
        assertThat(Uploads.displayName("../../etc/passwd.csv")).isEqualTo("passwd.csv");
        assertThat(Uploads.displayName("C:\\Users\\ada\\Kunden\u202E.csv")).isEqualTo("Kunden.csv");
    }

    @Test
    void anyPageNumberGivesAPageOrA404AndACompletedRunIsNotClaimedToRestart() throws Exception {
        // given a finished run
        MvcResult uploaded = mvc.perform(multipart("/uploads").file(csv("pages.csv", HEADER
                + "sec-three.com,Three Inc.,Ola Three,12345,US,ola@example.com,Ola,Three,\n")).with(OPERATOR)
                .with(csrf())).andReturn();
        String preview = uploaded.getResponse().getRedirectedUrl();
        mvc.perform(post(preview + "/start").with(OPERATOR).with(csrf()));
        String run = new ConsoleWaits(mvc, OPERATOR).run(preview);
        long runId = Long.parseLong(run.substring("/runs/".length()));
        new ConsoleWaits(mvc, OPERATOR).finished(runId);

        // when / then
        mvc.perform(get(run).param("page", "0").with(OPERATOR)).andExpect(status().isOk());
        mvc.perform(get(run).param("page", "2147483647").with(OPERATOR)).andExpect(status().isNotFound());
        mvc.perform(get(run).param("page", "-1").with(OPERATOR)).andExpect(status().isNotFound());
        mvc.perform(get(run).param("page", "1").with(OPERATOR)).andExpect(status().isNotFound());
        mvc.perform(get(run).param("page", "99999999999999999999").with(OPERATOR)).andExpect(status().isBadRequest());
        mvc.perform(post(run + "/restart").with(OPERATOR).with(csrf())).andExpect(redirectedUrl(run))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.startsWith(
                        "Run " + runId + " was completed")));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static org.springframework.test.web.servlet.RequestBuilder signIn(String name, String password, String address) {
        return post("/login").param("username", name).param("password", password).with(csrf()).with(from(address));
    }

    private static java.util.Set<String> names(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return new java.util.HashSet<>();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
