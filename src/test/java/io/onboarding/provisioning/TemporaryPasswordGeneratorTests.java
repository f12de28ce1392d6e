package io.onboarding.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordGeneratorTests {

    private final TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator();

    @Test
    void everyPasswordMeetsGooglesPolicyAndHasEveryCharacterClass() {
        for (int i = 0; i < 1_000; i++) {
            String password = generator.generate();
            assertThat(password).hasSize(16)
                    .matches("[\\x21-\\x7e]+")
                    .containsPattern("[A-Z]")
                    .containsPattern("[a-z]")
                    .containsPattern("[0-9]")
                    .containsPattern("[^A-Za-z0-9]")
                    .doesNotContainPattern("[0O1lI]")
                    // it goes into a credentials CSV: a spreadsheet must not take it for a formula
                    .matches("^[A-Za-z0-9].*");
        }
    }

    @Test
    void passwordsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(generator.generate());
        }
        assertThat(seen).hasSize(10_000);
    }
}
