package io.onboarding.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Postal-code formats per country, from Google's address metadata (libaddressinput, the data Chrome and
 * Android use; CC-BY 4.0), shipped in {@code validation/postal-codes.properties}.
 */
final class PostalCodeFormats {

    private static final String RESOURCE = "/validation/postal-codes.properties";

    /** A country's format and up to three example codes to quote in a message. */
    record Format(Pattern pattern, String examples) {
    }

    private static final int EXAMPLES_SHOWN = 3;

    private static final Map<String, Format> FORMATS = load();

    private PostalCodeFormats() {
    }

    /** The country's format, or empty when the country has no postal-code system we know of. */
    static Optional<Format> of(String countryCode) {
        return Optional.ofNullable(FORMATS.get(countryCode));
    }

    static boolean matches(Format format, String postalCode) {
        return format.pattern().matcher(postalCode.toUpperCase(Locale.ROOT)).matches();
    }

    static int count() {
        return FORMATS.size();
    }

    private static Map<String, Format> load() {
        Properties properties = new Properties();
        try (InputStream in = PostalCodeFormats.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream()
                .filter(key -> key.endsWith(".zip"))
                .collect(Collectors.toUnmodifiableMap(key -> key.substring(0, 2),
                        key -> new Format(Pattern.compile(properties.getProperty(key)),
                                examples(properties.getProperty(key.substring(0, 2) + ".zipex", "")))));
    }

    private static String examples(String zipex) {
        return Arrays.stream(zipex.split(",")).filter(example -> !example.isBlank()).limit(EXAMPLES_SHOWN)
                .collect(Collectors.joining(", "));
    }
}
