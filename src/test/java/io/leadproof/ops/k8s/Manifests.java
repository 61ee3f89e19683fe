package io.leadproof.ops.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;

/**
 * An overlay of k8s/ rendered by kustomize and read into typed models: fabric8's for Kubernetes and the
 * prometheus-operator, {@link CloudNativePg} and {@link KeycloakOperator} for the two operators. A kind without a model,
 * a field a model does not know or a value of the wrong type is a problem, listed by {@link #problems()}.
 */
final class Manifests {

    static final Path K8S = Path.of("k8s");
    static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CloudNativePg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Pooler", CloudNativePg.Pooler.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CloudNativePg.ScheduledBackup.class),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", KeycloakOperator.Keycloak.class),
            Map.entry("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", KeycloakOperator.KeycloakRealmImport.class));

    final String overlay;
    final String yaml;
    final List<JsonNode> documents = new ArrayList<>();
    final List<Object> objects = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private Manifests(String overlay, String yaml) {
        this.overlay = overlay;
        this.yaml = yaml;
        try (var parser = YAML.createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.forEach(this::read);
    }

    static Manifests render(String overlay) {
        return new Manifests(overlay, Kustomize.render(K8S.resolve("overlays").resolve(overlay)));
    }

    private void read(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        String name = type + " " + document.path("metadata").path("name").asText();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            problems.add(name + ": no model for this kind");
            return;
        }
        try {
            Object object = STRICT.treeToValue(document, model);
            UnknownFields.of(object).forEach(field -> problems.add(name + ": unknown field " + field));
            objects.add(object);
        } catch (IOException e) {
            problems.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    List<String> problems() {
        return problems;
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T only(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError(overlay + ": expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.getFirst();
    }

    JsonNode document(String kind, String name) {
        return documents.stream()
                .filter(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }
}
