package io.onboarding.google;

/** Body of Directory customers.patch when only the default language changes. */
public record LanguagePatch(String language) {
}
