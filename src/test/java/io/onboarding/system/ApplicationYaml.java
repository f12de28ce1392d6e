package io.onboarding.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * What application.yml sets, as the configuration reference shows it: each property's value (a list as one
 * value, an {@code ${ENV:default}} as its default and variable) and the comments above its keys, which say why.
 */
record ApplicationYaml(Map<String, Setting> settings) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+):(.*)}");
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.-]+):.*$");
    private static final Pattern COMMENT = Pattern.compile("^ *# ?(.*)$");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");

    /**
     * One property as application.yml sets it.
     *
     * @param value the value, or its default when it is taken from an environment variable; "" for none
     * @param environmentVariable the variable that overrides it, or null
     * @param comment the comments above its key and above its parents' keys (top level excepted), or ""
     */
    record Setting(String value, String environmentVariable, String comment) {
    }

    static ApplicationYaml load() {
        return load(new ClassPathResource("application.yml"));
    }

    static ApplicationYaml load(Resource yaml) {
        Map<String, String> comments = comments(yaml);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : flattened(yaml).entrySet()) {
            Matcher index = INDEX.matcher(entry.getKey());
            String name = index.find() ? entry.getKey().substring(0, index.start()) : entry.getKey();
            List<String> value = values.computeIfAbsent(name, key -> new ArrayList<>());
            if (!entry.getValue().isEmpty()) {
                value.add(entry.getValue());
            }
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            String joined = String.join(", ", value);
            Matcher placeholder = PLACEHOLDER.matcher(joined);
            settings.put(name, placeholder.matches()
                    ? new Setting(placeholder.group(2), placeholder.group(1), commentOf(name, comments))
                    : new Setting(joined, null, commentOf(name, comments)));
        });
        return new ApplicationYaml(settings);
    }

    private static Map<String, String> flattened(Resource yaml) {
        try {
            Map<String, String> flat = new LinkedHashMap<>();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml", yaml)) {
                EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
                for (String name : properties.getPropertyNames()) {
                    flat.put(name, String.valueOf(properties.getProperty(name)));
                }
            }
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comment block right above each key, by the key's full name. */
    private static Map<String, String> comments(Resource yaml) {
        Map<String, String> comments = new LinkedHashMap<>();
        Deque<Map.Entry<Integer, String>> path = new ArrayDeque<>();
        List<String> block = new ArrayList<>();
        try {
            for (String line : yaml.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
                Matcher comment = COMMENT.matcher(line);
                Matcher key = KEY.matcher(line);
                if (comment.matches()) {
                    block.add(comment.group(1).strip());
                    continue;
                }
                if (key.matches()) {
                    int indent = key.group(1).length();
                    while (!path.isEmpty() && path.peek().getKey() >= indent) {
                        path.pop();
                    }
                    path.push(Map.entry(indent, key.group(2)));
                    if (!block.isEmpty()) {
                        List<String> names = new ArrayList<>();
                        path.descendingIterator().forEachRemaining(part -> names.add(part.getValue()));
                        comments.put(String.join(".", names), String.join(" ", block));
                    }
                }
                block.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return comments;
    }

    /** Its parents' comments, then its own: the top level's (a whole section's) are not about one property. */
    private static String commentOf(String name, Map<String, String> comments) {
        List<String> said = new ArrayList<>();
        int dot = name.indexOf('.');
        while (dot > 0) {
            dot = name.indexOf('.', dot + 1);
            String parent = dot < 0 ? name : name.substring(0, dot);
            if (comments.containsKey(parent)) {
                said.add(comments.get(parent));
            }
        }
        return String.join(" ", said);
    }
}
