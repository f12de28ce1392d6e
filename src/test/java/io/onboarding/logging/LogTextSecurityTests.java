package io.onboarding.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A logged value from a file or a request stays on its line and shows what it hides. */
class LogTextSecurityTests {

    @Test
    void lineBreaksSeparatorsControlAndFormatCharactersAreEscapedVisibly() {
        assertThat(LogText.escape("acme.de\r\n2026-12-04 INFO forged")).isEqualTo("acme.de\\r\\n2026-12-04 INFO forged");
        assertThat(LogText.escape("a\u2028b\u2029c\u0000d\u001Be\u202Ef")).isEqualTo("a\\u2028b\\u2029c\\u0000d\\u001Be\\u202Ef");
        assertThat(LogText.escape("Müller GmbH")).isEqualTo("Müller GmbH");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }

    @Test
    void aLongValueIsCut() {
        assertThat(LogText.escape("x".repeat(10_000))).hasSize(301).endsWith("…");
    }
}
