package io.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Operator accounts from configuration (hashes only), the one-time password, and the session. */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet",
        "onboarding.web.operators[0].name=ada",
        "onboarding.web.operators[0].password-hash={bcrypt}$2a$10$32sJke5VDg1mBCDXsdlJIefI43UbvcOZP7AIwPKOLaFjBXf/REFmS"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ConsoleSignInTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aConfiguredOperatorSignsInWithThePasswordBehindTheHashAndTheSessionCarriesIt() throws Exception {
        mvc.perform(post("/login").param("username", "ada").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", "operator").param("password", "anything").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "ada")
                .param("password", "Ada-Console-Pass-1").with(csrf())).andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession();

        mvc.perform(get("/runs").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/runs").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void withoutConfiguredOperatorsAOneTimePasswordIsPrintedOnceAndWorks(CapturedOutput output) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<String> terminal = new java.util.ArrayList<>();

        UserDetailsService users = new ConsoleSecurity().operators(new WebProperties(List.of(), 50), encoder,
                terminal::add);

        assertThat(terminal).as("said once, on the terminal").hasSize(1);
        String printed = terminal.get(0).replaceAll("(?s).*One-time password for 'operator' until the next start: (\\S+).*",
                "$1");
        assertThat(printed).hasSize(20);
        assertThat(output.getAll()).as("never in the log").doesNotContain(printed);
        assertThat(encoder.matches(printed, users.loadUserByUsername("operator").getPassword())).isTrue();
        assertThat(users.loadUserByUsername("operator").getPassword()).startsWith("{bcrypt}").doesNotContain(printed);
    }

    @Test
    void eachActionIsLoggedWithTheOperatorsName(CapturedOutput output) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "ada")
                .param("password", "Ada-Console-Pass-1").with(csrf())).andReturn().getRequest().getSession();

        mvc.perform(post("/runs/424242/stop").session(session).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/uploads")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "a.txt", "text/plain", new byte[] {1}))
                .session(session).with(csrf())).andExpect(status().isOk());

        assertThat(output.getOut()).contains("Console: operator ada uploaded a refused file: Only .csv files");
    }
}
