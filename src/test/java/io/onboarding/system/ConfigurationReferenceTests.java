package io.onboarding.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/configuration.md is generated from the records' metadata and application.yml: these tests fail when
 * it, or a default, has drifted. They never write the file: {@link ConfigurationReference#COMMAND} does.
 */
class ConfigurationReferenceTests {

    private final Map<String, JsonNode> metadata =
            ConfigurationReference.properties(java.util.List.of(ConfigurationReference.ourMetadata()));
    private final ApplicationYaml yaml = ApplicationYaml.load();

    @Test
    void theCommittedReferenceIsWhatTheRecordsAndApplicationYmlSay() throws Exception {
        // given the reference as committed
        String committed = Files.readString(ConfigurationReference.FILE, StandardCharsets.UTF_8);

        // when it is generated again
        String generated = ConfigurationReference.render();

        // then nothing has changed since
        assertThat(committed).as(ConfigurationReference.FILE + " is out of date: run " + ConfigurationReference.COMMAND
                + " and commit the result").isEqualTo(generated);
    }

    @Test
    void everyPropertyOfTheApplicationIsDescribedInItsRecord() {
        assertThat(metadata).as("spring-boot-configuration-processor's metadata").isNotEmpty();
        assertThat(metadata.values()).allSatisfy(property -> assertThat(property.path("description").asString(""))
                .as("the @param Javadoc of %s", property.path("name").asString()).isNotBlank());
    }

    @Test
    void applicationYmlSetsNoPropertyOfOursThatNoRecordDefines() {
        assertThat(yaml.settings().keySet().stream().filter(name -> name.startsWith("onboarding.")))
                .as("a misspelt property in application.yml would be ignored").allMatch(metadata::containsKey);
    }

    @Test
    void applicationYmlAndTheRecordsAgreeOnEveryDefault() {
        yaml.settings().forEach((name, setting) -> {
            // A default made of another property (the uploads beside the inbox) is shown as application.yml says.
            if (metadata.containsKey(name) && !setting.value().contains("${onboarding.")) {
                assertThat(setting.value()).as("%s: application.yml and its record's @DefaultValue", name)
                        .isEqualTo(ConfigurationReference.metadataDefault(metadata.get(name)));
            }
        });
    }

    @Test
    void aDefaultIsApplicationYmlsWithItsEnvironmentVariableElseTheRecords() {
        // when the reference is rendered
        Map<String, String> rows = ConfigurationReference.rows(ConfigurationReference.render());

        // then
        assertThat(rows.get("onboarding.mode")).contains("| `auto` (env `ONBOARDING_MODE`) |");
        assertThat(rows.get("onboarding.countries.denied")).contains("| `CU, IR, KP, SY` |");
        assertThat(rows.get("onboarding.notices.template-dir")).as("no default").contains("| none |");
        assertThat(rows.get("onboarding.sandbox.own-domains")).as("set nowhere, from the record").contains("| empty |");
        assertThat(rows.get("onboarding.google.user-creations-per-domain-per-second")).contains("| `10` |");
        assertThat(rows.get("spring.datasource.url"))
                .contains("| `jdbc:h2:file:./data/onboarding;AUTO_SERVER=TRUE` (env `ONBOARDING_DB_URL`) |");
        assertThat(rows.get("server.address")).contains("Loopback only unless configured");
    }
}
