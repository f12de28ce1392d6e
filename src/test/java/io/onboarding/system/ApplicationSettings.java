package io.onboarding.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the application can be told from outside, as a deployment tells it: the properties of the configuration
 * metadata (ours and Spring Boot's) and of application.yml, and the environment variables that set them —
 * application.yml's {@code ${ENV:...}}, the one the code reads itself, and Spring's relaxed binding
 * ({@code ONBOARDING_INBOX_CRON} = {@code onboarding.inbox.cron}).
 */
final class ApplicationSettings {

    private static final Pattern LIST = Pattern.compile("java\\.util\\.List<(.+)>");
    private static final Pattern ELEMENT = Pattern.compile("\\d+(?:_([A-Z0-9]+))?");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private final Map<String, JsonNode> metadata;
    private final ApplicationYaml yaml;
    private final Set<String> variables = new HashSet<>();

    private ApplicationSettings(Map<String, JsonNode> metadata, ApplicationYaml yaml) {
        this.metadata = metadata;
        this.yaml = yaml;
        yaml.settings().values().forEach(setting -> {
            if (setting.environmentVariable() != null) {
                variables.add(setting.environmentVariable());
            }
        });
        variables.add(RunMode.CREDENTIALS_ENV);
    }

    static ApplicationSettings load() {
        try {
            List<URL> files = Collections.list(ApplicationSettings.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"));
            return new ApplicationSettings(ConfigurationReference.properties(files), ApplicationYaml.load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApplicationYaml yaml() {
        return yaml;
    }

    /** A property name as given on the command line ({@code --name=value}): relaxed, dashes and case aside. */
    boolean isProperty(String name) {
        String wanted = uniform(INDEX.matcher(name).replaceAll(""));
        return metadata.keySet().stream().anyMatch(known -> uniform(known).equals(wanted))
                || yaml.settings().keySet().stream().anyMatch(known -> uniform(known).equals(wanted));
    }

    /** Whether the application reads this environment variable, itself or through a property it binds. */
    boolean isVariable(String name) {
        if (variables.contains(name)) {
            return true;
        }
        for (Map.Entry<String, JsonNode> property : metadata.entrySet()) {
            String prefix = variable(property.getKey());
            if (name.equals(prefix)) {
                return true;
            }
            if (name.startsWith(prefix + "_") && isElement(name.substring(prefix.length() + 1), property.getValue())) {
                return true;
            }
        }
        return yaml.settings().keySet().stream().anyMatch(known -> variable(known).equals(name));
    }

    /** The variable Spring binds to a property: dots to underscores, no dashes, upper case. */
    static String variable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static String uniform(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** {@code 0} or {@code 0_FIELD} of a list property: FIELD one of the element record's components. */
    private static boolean isElement(String rest, JsonNode property) {
        Matcher list = LIST.matcher(property.path("type").asString());
        Matcher element = ELEMENT.matcher(rest);
        if (!list.matches() || !element.matches()) {
            return false;
        }
        if (element.group(1) == null) {
            return true;
        }
        try {
            Class<?> type = Class.forName(list.group(1));
            return type.isRecord() && Arrays.stream(type.getRecordComponents())
                    .anyMatch(component -> variable(component.getName()).equals(element.group(1)));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
