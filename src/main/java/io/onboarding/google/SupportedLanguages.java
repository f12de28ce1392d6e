package io.onboarding.google;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 80 language codes the Directory API documents for a customer's default language. Google accepts
 * unknown codes but then behaves unpredictably, so anything else is refused.
 */
public final class SupportedLanguages {

    private static final String CODES = "af am ar as az bg bn ca chr cs cy da de el en en-GB es es-419 et eu fa fi fil "
            + "fr fr-CA ga gl gu hi hr hu hy id is it iw ja ka kk km kn ko lo lt lv mk ml mn mr ms my ne nl no or pa "
            + "pl pt-BR pt-PT ro ru si sk sl sq sr sv sw ta te th tr uk ur uz vi zh-CN zh-HK zh-TW zu";

    private static final Map<String, String> BY_LOWER_CASE = Arrays.stream(CODES.split(" "))
            .collect(Collectors.toUnmodifiableMap(code -> code.toLowerCase(Locale.ROOT), Function.identity()));

    private SupportedLanguages() {
    }

    /** The canonical spelling of a supported code given in any case ({@code PT-br} → {@code pt-BR}). */
    public static Optional<String> canonical(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_LOWER_CASE.get(code.trim().replace('_', '-').toLowerCase(Locale.ROOT)));
    }

    /** Whether the code is supported exactly as written, as the API itself would check it. */
    public static boolean isSupportedExactly(String code) {
        return code != null && code.equals(BY_LOWER_CASE.get(code.toLowerCase(Locale.ROOT)));
    }

    public static int count() {
        return BY_LOWER_CASE.size();
    }
}
