package io.onboarding.system;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/'s manifests as Kubernetes' own types (fabric8's model), read in the order of its kustomization.yaml.
 *
 * @param objects every object of every listed file
 * @param image the image name the kustomization maps to the reseller's registry
 * @param unknownFields fields that Kubernetes' types do not have (a typo Kubernetes would reject or ignore), by path
 */
record KubernetesManifests(List<HasMetadata> objects, String image, List<String> unknownFields) {

    /** Only the kinds deploy/ is meant to hold: another kind is a mistake to look at, not to skip. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "ConfigMap", ConfigMap.class, "PersistentVolumeClaim", PersistentVolumeClaim.class,
            "CronJob", CronJob.class, "Deployment", Deployment.class, "Service", Service.class);

    static KubernetesManifests load(Path folder) {
        Map<String, Object> kustomization = documents(folder.resolve("kustomization.yaml")).get(0);
        List<HasMetadata> objects = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Object file : (List<?>) kustomization.get("resources")) {
            for (Map<String, Object> document : documents(folder.resolve((String) file))) {
                Class<? extends HasMetadata> type = KINDS.get((String) document.get("kind"));
                if (type == null) {
                    throw new IllegalArgumentException(file + ": unexpected kind " + document.get("kind"));
                }
                HasMetadata object = json.convertValue(document, type);
                if (!HasMetadata.getApiVersion(type).equals(object.getApiVersion())) {
                    unknown.add(file + ": apiVersion " + object.getApiVersion() + " of " + object.getKind());
                }
                collectUnknown(object, file + ":" + object.getKind() + "/" + object.getMetadata().getName(), unknown);
                objects.add(object);
            }
        }
        Map<?, ?> image = (Map<?, ?>) ((List<?>) kustomization.get("images")).get(0);
        return new KubernetesManifests(objects, (String) image.get("name"), unknown);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The pod templates of the workloads, by workload name. */
    Map<String, PodSpec> pods() {
        Map<String, PodSpec> pods = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
        all(CronJob.class).forEach(c -> pods.put(c.getMetadata().getName(),
                c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
        return pods;
    }

    ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ConfigMap " + name));
    }

    private static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                if (document != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) document;
                    documents.add(map);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** fabric8's types keep a field they do not know in additionalProperties instead of refusing it. */
    private static void collectUnknown(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknown(item, path + "." + key, unknown));
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() > 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) field).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                collectUnknown(field, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }
}
