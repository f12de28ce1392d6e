package io.onboarding.validation;

import java.util.Locale;
import java.util.Map;

/** What an operator probably meant by a language code Google does not take. */
final class LanguageSuggestions {

    private static final Map<String, String> SUGGESTIONS = Map.ofEntries(
            Map.entry("he", "iw (Google's code for Hebrew)"),
            Map.entry("in", "id (Indonesian)"),
            Map.entry("pt", "pt-BR or pt-PT"),
            Map.entry("zh", "zh-CN, zh-TW or zh-HK"),
            Map.entry("en-us", "en"),
            Map.entry("es-es", "es"),
            Map.entry("es-mx", "es-419"),
            Map.entry("fr-fr", "fr"),
            Map.entry("de-de", "de"),
            Map.entry("nb", "no"),
            Map.entry("nn", "no"),
            Map.entry("tl", "fil"));

    private LanguageSuggestions() {
    }

    /** " — use X" when we can guess, else empty. */
    static String forCode(String code) {
        String suggestion = SUGGESTIONS.get(code.toLowerCase(Locale.ROOT).replace('_', '-'));
        return suggestion == null ? "" : " — use " + suggestion;
    }
}
