package io.onboarding.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticeTemplatesTests {

    static final List<String> SHIPPED_LANGUAGES = List.of("en", "de", "it", "id", "vi", "es", "fr");

    private final NoticeTemplates templates = new NoticeTemplates(properties(null));

    @Test
    void everyShippedTemplateRendersWithEveryPlaceholderFilled() {
        int rendered = 0;
        for (NoticeKind kind : NoticeKind.values()) {
            for (String language : SHIPPED_LANGUAGES) {
                Map<String, String> variables = variables(kind);
                Notice notice = templates.render(kind, language, "kunde.example", "to@kunde.example", variables);

                String text = notice.subject() + "\n" + notice.body();
                assertThat(notice.language()).as("%s %s", kind, language).isEqualTo(language);
                assertThat(text).as("%s %s", kind, language)
                        .doesNotContain("[(", "${", "null")
                        .contains("Google Workspace via Reseller", "Kim Kunde", "Kunde & Söhne GmbH", "Reseller AG",
                                "https://admin.google.com");
                if (kind == NoticeKind.DOMAIN) {
                    assertThat(text).contains("admin@kunde.example", "Tmp-Pa55word!x");
                } else {
                    assertThat(text).doesNotContain("Tmp-Pa55word!x");
                }
                if (kind == NoticeKind.TEAM) {
                    assertThat(text).contains("boss@kunde.example");
                }
                if (kind == NoticeKind.TRANSFERRED) {
                    assertThat(text).contains("C0abc123", "kunde.example");
                }
                assertThat(notice.subject()).isNotBlank().doesNotContain("\n");
                rendered++;
            }
        }
        assertThat(rendered).isEqualTo(21);
    }

    @ParameterizedTest
    @CsvSource({"de, de", "es-419, es", "fr-CA, fr", "pt-BR, en", "ja, en", ", en"})
    void aLanguageWithoutATemplateFallsBackToItsBaseThenEnglish(String language, String used) {
        assertThat(templates.languageFor(NoticeKind.DOMAIN, language)).isEqualTo(used);
    }

    @Test
    void aResellersFolderOverridesAndAddsTemplatesWithoutRebuilding(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("domain_de.txt"), "Subject: Willkommen bei [(${resellerName})]\n\n"
                + "Hallo [(${contactName})], Ihr Passwort: [(${temporaryPassword})]\n");
        Files.writeString(folder.resolve("domain_nl.txt"), "Subject: Welkom\n\nBeste [(${contactName})]\n");
        NoticeTemplates custom = new NoticeTemplates(properties(folder));

        Notice german = custom.render(NoticeKind.DOMAIN, "de", "k.example", "to@k.example", variables(NoticeKind.DOMAIN));
        Notice dutch = custom.render(NoticeKind.DOMAIN, "nl", "k.example", "to@k.example", variables(NoticeKind.DOMAIN));
        Notice italian = custom.render(NoticeKind.DOMAIN, "it", "k.example", "to@k.example", variables(NoticeKind.DOMAIN));

        assertThat(german.subject()).isEqualTo("Willkommen bei Reseller AG");
        assertThat(german.body()).isEqualTo("Hallo Kim Kunde, Ihr Passwort: Tmp-Pa55word!x\n");
        assertThat(dutch.language()).isEqualTo("nl");
        assertThat(italian.language()).as("shipped templates still apply").isEqualTo("it");
    }

    @Test
    void aTemplateAskingForAValueTheNoticeDoesNotHaveFails(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("team_en.txt"), "Subject: Hi\n\nYour password: [(${temporaryPassword})]\n");
        NoticeTemplates custom = new NoticeTemplates(properties(folder));

        assertThatThrownBy(() -> custom.render(NoticeKind.TEAM, "en", "k.example", "to@k.example",
                variables(NoticeKind.TEAM))).hasStackTraceContaining("asks for 'temporaryPassword'");
    }

    @Test
    void theNoticeNeverPrintsItsBody() {
        Notice notice = templates.render(NoticeKind.DOMAIN, "en", "kunde.example", "to@kunde.example",
                variables(NoticeKind.DOMAIN));
        assertThat(notice.toString()).contains("kunde.example").doesNotContain("Tmp-Pa55word!x");
    }

    static Map<String, String> variables(NoticeKind kind) {
        Map<String, String> variables = new HashMap<>(Map.of("customerDomain", "kunde.example", "customerId", "C0abc123",
                "contactName", "Kim Kunde", "organizationName", "Kunde & Söhne GmbH", "resellerName", "Reseller AG",
                "adminConsoleUrl", "https://admin.google.com"));
        if (kind == NoticeKind.DOMAIN) {
            variables.put("adminEmail", "admin@kunde.example");
            variables.put("temporaryPassword", "Tmp-Pa55word!x");
        }
        if (kind == NoticeKind.TEAM) {
            variables.put("primaryAdminEmail", "boss@kunde.example");
        }
        return variables;
    }

    static NoticeProperties properties(Path folder) {
        return new NoticeProperties(true, "onboarding@reseller.example", "Reseller AG", folder, "https://admin.google.com");
    }
}
