package io.onboarding.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders notices from text templates {@code <kind>_<language>.txt}: first line {@code Subject: ...}, a
 * blank line, then the body, with placeholders such as {@code [(${adminEmail})]}. Templates in
 * {@code onboarding.notices.template-dir} win over the shipped ones in {@code notices/}; a language without
 * a template falls back to its base language (es-419 → es), then to English.
 */
@Component
public class NoticeTemplates {

    static final String SHIPPED = "notices/";
    static final String FALLBACK_LANGUAGE = "en";

    private final TemplateEngine engine = new TemplateEngine();
    /** Read once per template, as Thymeleaf caches the template itself: a notice per row must stay cheap. */
    private final Map<String, Set<String>> placeholders = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path overrides;

    public NoticeTemplates(NoticeProperties properties) {
        this.overrides = properties.templateDir();
        if (overrides != null) {
            FileTemplateResolver folder = new FileTemplateResolver();
            folder.setPrefix(overrides.toAbsolutePath() + "/");
            folder.setSuffix(".txt");
            folder.setTemplateMode(TemplateMode.TEXT);
            folder.setCharacterEncoding("UTF-8");
            folder.setCheckExistence(true);
            folder.setOrder(1);
            engine.addTemplateResolver(folder);
        }
        ClassLoaderTemplateResolver shipped = new ClassLoaderTemplateResolver();
        shipped.setPrefix(SHIPPED);
        shipped.setSuffix(".txt");
        shipped.setTemplateMode(TemplateMode.TEXT);
        shipped.setCharacterEncoding("UTF-8");
        shipped.setCheckExistence(true);
        shipped.setOrder(2);
        engine.addTemplateResolver(shipped);
    }

    /**
     * @param variables every placeholder's value; a template that asks for one not given fails, so that no
     *     customer ever reads an empty gap
     */
    public Notice render(NoticeKind kind, String language, String customerDomain, String recipient,
            Map<String, String> variables) {
        String chosen = languageFor(kind, language);
        String name = kind.templateName() + "_" + chosen;
        // A placeholder without a value would render as nothing: refuse instead, so no customer reads a gap.
        for (String placeholder : placeholders.computeIfAbsent(name, this::placeholdersOf)) {
            if (variables.get(placeholder) == null) {
                throw new IllegalArgumentException("The notice template " + name + " asks for '" + placeholder
                        + "', which this notice does not have");
            }
        }
        String text = engine.process(name, new StrictContext(variables));
        int blank = text.indexOf("\n\n");
        if (!text.startsWith("Subject: ") || blank < 0) {
            throw new IllegalStateException("Template " + kind.templateName() + "_" + chosen + " must start with a "
                    + "'Subject: ...' line followed by an empty line");
        }
        return new Notice(kind, customerDomain, recipient, chosen, text.substring("Subject: ".length(), blank).strip(),
                text.substring(blank + 2));
    }

    /** The language whose template is used for a row's language: itself, its base, or English. */
    String languageFor(NoticeKind kind, String language) {
        List<String> candidates = new ArrayList<>();
        if (language != null && !language.isBlank()) {
            candidates.add(language);
            if (language.contains("-")) {
                candidates.add(language.substring(0, language.indexOf('-')));
            }
        }
        candidates.add(FALLBACK_LANGUAGE);
        for (String candidate : candidates) {
            if (exists(kind.templateName() + "_" + candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No template " + kind.templateName() + "_" + FALLBACK_LANGUAGE + ".txt");
    }

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private Set<String> placeholdersOf(String name) {
        Set<String> names = new java.util.HashSet<>();
        java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(source(name));
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    private String source(String name) {
        try {
            Path override = overrides == null ? null : overrides.resolve(name + ".txt");
            if (override != null && Files.isRegularFile(override)) {
                return Files.readString(override);
            }
            try (java.io.InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(SHIPPED + name
                    + ".txt")) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the notice template " + name, e);
        }
    }

    private boolean exists(String name) {
        return (overrides != null && Files.isRegularFile(overrides.resolve(name + ".txt")))
                || NoticeTemplates.class.getClassLoader().getResource(SHIPPED + name + ".txt") != null;
    }

    /** Answers only the given variables, and fails loudly on any other a template asks for. */
    private record StrictContext(Map<String, String> variables) implements IContext {

        @Override
        public Locale getLocale() {
            return Locale.ROOT;
        }

        @Override
        public boolean containsVariable(String name) {
            return variables.containsKey(name);
        }

        @Override
        public Set<String> getVariableNames() {
            return variables.keySet();
        }

        @Override
        public Object getVariable(String name) {
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("The notice template asks for '" + name + "', which this notice "
                        + "does not have");
            }
            return value;
        }
    }
}
