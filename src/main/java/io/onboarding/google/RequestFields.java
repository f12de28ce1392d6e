package io.onboarding.google;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields Google's schema defines for the request body of each method the job calls, as committed in
 * {@value #RESOURCE}. Google's front end refuses a body with any other field (400 INVALID_ARGUMENT
 * "Unknown name"), so the sandbox refuses it too and a contract test holds the clients' bodies to it.
 */
public final class RequestFields {

    public static final String RESOURCE = "google/request-fields.json";

    /** Per method, its fields as dotted paths ({@code postalAddress.countryCode}). */
    private final Map<String, Set<String>> fieldsByMethod;

    private RequestFields(Map<String, Set<String>> fieldsByMethod) {
        this.fieldsByMethod = fieldsByMethod;
    }

    /** Reads {@value #RESOURCE} from the class path; a method naming a schema the file lacks is a mistake here. */
    public static RequestFields load(JsonMapper json) {
        JsonNode root;
        try (InputStream in = RequestFields.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> fieldsByMethod = new TreeMap<>();
        for (Map.Entry<String, JsonNode> method : root.path("methods").properties()) {
            JsonNode schema = root.path("schemas").path(method.getValue().asString());
            if (!schema.isArray()) {
                throw new IllegalStateException(RESOURCE + ": " + method.getKey() + " names the schema "
                        + method.getValue().asString() + ", which the file does not define");
            }
            SortedSet<String> fields = new TreeSet<>();
            schema.values().forEach(field -> fields.add(field.asString()));
            fieldsByMethod.put(method.getKey(), Collections.unmodifiableSortedSet(fields));
        }
        return new RequestFields(Map.copyOf(fieldsByMethod));
    }

    /** The methods whose request bodies are listed, by their names in Google's reference ({@code users.insert}). */
    public Set<String> methods() {
        return fieldsByMethod.keySet();
    }

    /**
     * The fields a method's body may carry, sub-fields as dotted paths.
     *
     * @throws IllegalArgumentException for a method the resource does not list
     */
    public Set<String> of(String method) {
        Set<String> fields = fieldsByMethod.get(method);
        if (fields == null) {
            throw new IllegalArgumentException(RESOURCE + " lists no request body for " + method);
        }
        return fields;
    }

    /**
     * The first field of a body that Google's schema for the method does not define, looking into a field's
     * object where the schema lists its sub-fields; empty when all are defined or the method is not listed.
     */
    public Optional<UnknownField> firstUnknown(String method, JsonNode body) {
        Set<String> fields = fieldsByMethod.get(method);
        if (fields == null || body == null || !body.isObject()) {
            return Optional.empty();
        }
        return firstUnknown(fields, body, List.of());
    }

    private static Optional<UnknownField> firstUnknown(Set<String> fields, JsonNode object, List<String> parent) {
        String prefix = parent.isEmpty() ? "" : String.join(".", parent) + ".";
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String path = prefix + field.getKey();
            if (!fields.contains(path)) {
                return Optional.of(new UnknownField(field.getKey(), parent));
            }
            if (field.getValue().isObject() && hasSubFields(fields, path)) {
                List<String> inner = new ArrayList<>(parent);
                inner.add(field.getKey());
                Optional<UnknownField> unknown = firstUnknown(fields, field.getValue(), List.copyOf(inner));
                if (unknown.isPresent()) {
                    return unknown;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasSubFields(Set<String> fields, String path) {
        return fields.stream().anyMatch(field -> field.startsWith(path + "."));
    }

    /**
     * A field Google would refuse.
     *
     * @param name the field's name as the body spells it
     * @param parent the fields leading to the object that holds it; empty at the top of the body
     */
    public record UnknownField(String name, List<String> parent) {
    }
}
