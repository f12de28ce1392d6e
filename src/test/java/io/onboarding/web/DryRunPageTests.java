package io.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.onboarding.job.RunSummary;
import io.onboarding.sandbox.TestSandboxConfiguration;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A dry run keeps only counts and its first rows to fix in the database (issue 13): its preview and its run page
 * still show the counts and those rows, page through what is kept, and link the reports, which have every row.
 */
// The same context as ConsoleControllerTests', so that Spring starts it once.
@Import(TestSandboxConfiguration.class)
@SpringBootTest(properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DryRunPageTests {

    private static final RequestPostProcessor OPERATOR = user("olivia").roles("OPERATOR");

    @Autowired
    MockMvc mvc;

    @Test
    void aDryRunsPageShowsItsCountsItsFirstRowsToFixAndLinksReportsWithEveryRow() throws Exception {
        // given an upload of 120 rows, 80 of them invalid: more rows to fix than a dry run keeps
        StringBuilder file = new StringBuilder("customerDomain,organizationName,contactName,postalCode,countryCode,"
                + "alternateEmail,adminGivenName,adminFamilyName\n");
        for (int i = 0; i < 120; i++) {
            file.append("page-").append(i).append(".com,Org,Ola One,").append(i % 3 == 0 ? "12345" : "ABC")
                    .append(",US,ola@example.com,Ola,One\n");
        }
        String preview = mvc.perform(multipart("/uploads").file(new MockMultipartFile("file", "many.csv", "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8))).with(OPERATOR).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();

        // when the operator opens the preview's run page
        RunSummary dryRun = (RunSummary) mvc.perform(get(preview).with(OPERATOR)).andExpect(status().isOk())
                .andReturn().getModelAndView().getModel().get("preview");
        String run = "/runs/" + dryRun.runId();

        // then it shows every row's count, one page of the kept rows to fix, the note, and the report links
        mvc.perform(get(run).with(OPERATOR)).andExpect(status().isOk())
                .andExpect(model().attribute("pages", 1))
                .andExpect(content().string(allOf(containsString("(dry run)"),
                        containsString("data-outcome=\"VALID\">40<"), containsString("data-outcome=\"INVALID\">80<"),
                        containsString("id=\"dry-run-rows\""), containsString("page-1.com"),
                        containsString(run + "/results.csv"), containsString(run + "/rejects.csv"))));
        mvc.perform(get(run).param("outcome", "VALID").with(OPERATOR)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<td>page-0.com</td>"))));
        String results = mvc.perform(get(run + "/results.csv").with(OPERATOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(results.lines()).hasSize(121);
    }
}
