package io.leadproof.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.leadproof.ops.k8s.CloudNativePg.Cluster;
import io.leadproof.ops.k8s.CloudNativePg.Pooler;
import io.leadproof.ops.k8s.CloudNativePg.ScheduledBackup;
import io.leadproof.ops.k8s.KeycloakOperator.Keycloak;
import io.leadproof.ops.k8s.KeycloakOperator.KeycloakRealmImport;

/**
 * No cluster runs here, so the deployment is checked the next best way: every overlay of k8s/ is rendered by kustomize
 * and read into typed models (unknown fields fail), then the objects are checked against each other and against what
 * the app needs — probes and scraping on the management port, a read-only root filesystem, migrations only in the
 * init container, the pooler mode the app can live with, no demo users in production, no Secret committed.
 */
class KubernetesManifestsTest {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static Manifests dev;
    static Manifests prod;

    @BeforeAll
    static void render() {
        if (Boolean.getBoolean("leadproof.k8s.write")) {
            RealmImportFile.write();
        }
        dev = Manifests.render("dev");
        prod = Manifests.render("prod");
    }

    static List<Manifests> both() {
        return List.of(dev, prod);
    }

    @Test
    void every_object_of_every_overlay_matches_its_model_without_unknown_fields() {
        for (Manifests m : both()) {
            assertThat(m.problems()).as(m.overlay).isEmpty();
            assertThat(m.documents).as(m.overlay).hasSizeGreaterThan(15);
        }
        assertThat(Files.isDirectory(Manifests.K8S.resolve("overlays"))).isTrue();
        try (var overlays = Files.list(Manifests.K8S.resolve("overlays"))) {
            assertThat(overlays.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("every overlay is rendered and checked here").isEqualTo(OVERLAYS);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_realm_import_is_generated_from_the_realm_file() {
        assertThat(RealmImportFile.committed()).as("k8s/base/keycloak/realm-import.yaml is stale: run make k8s-realm")
                .isEqualTo(RealmImportFile.generate());
        KeycloakRealmImport devImport = dev.only(KeycloakRealmImport.class);
        assertThat(devImport.spec().realm()).as("dev imports the repository's realm as it is").isEqualTo(RealmImportFile.realm());
        assertThat(devImport.spec().keycloakCRName()).isEqualTo(dev.only(Keycloak.class).metadata().getName());
    }

    @Test
    void production_imports_the_realm_without_demo_users_passwords_workspaces_or_test_clients() {
        KeycloakRealmImport realmImport = prod.only(KeycloakRealmImport.class);
        var realm = realmImport.spec().realm();
        assertThat(realmImport.spec().keycloakCRName()).isEqualTo(prod.only(Keycloak.class).metadata().getName());
        assertThat(realm.path("realm").asText()).isEqualTo("leadproof");
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.has("organizations")).isFalse();
        assertThat(realm.findValues("credentials")).isEmpty();
        assertThat(realm.findValues("secret")).as("no committed client secret").isEmpty();
        assertThat(realm.findValuesAsText("clientId")).containsExactly("leadproof-api", "leadproof-cli");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        var cli = realm.path("clients").get(1);
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).as("no password grant").isFalse();
        assertThat(cli.path("redirectUris").toString()).doesNotContain("localhost", "127.0.0.1");
        // Everything else is the repository's realm: roles, groups, scopes and the audience mapper are not forked.
        var source = RealmImportFile.realm();
        assertThat(realm.path("roles")).isEqualTo(source.path("roles"));
        assertThat(realm.path("groups")).isEqualTo(source.path("groups"));
        assertThat(cli.path("protocolMappers")).isEqualTo(source.path("clients").get(1).path("protocolMappers"));
    }

    @Test
    void the_app_runs_non_root_on_a_read_only_root_filesystem_with_only_tmp_writable() {
        for (Manifests m : both()) {
            PodSpec pod = m.only(Deployment.class).getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(Dockerfile.user());
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container c : containers(pod)) {
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(c.getName()).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
                assertThat(c.getVolumeMounts()).as(c.getName()).singleElement()
                        .satisfies(v -> assertThat(v.getMountPath()).isEqualTo("/tmp"));
            }
            assertThat(pod.getVolumes()).singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        }
    }

    @Test
    void probes_and_scraping_use_the_management_port_and_the_api_port_serves_only_the_api() {
        for (Manifests m : both()) {
            Container api = m.only(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
            Map<String, Integer> ports = api.getPorts().stream()
                    .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
            assertThat(ports).isEqualTo(Map.of("http", 8080, "management", 9000));
            assertThat(Dockerfile.exposed()).containsExactlyInAnyOrderElementsOf(ports.values());
            for (var probe : List.of(api.getStartupProbe(), api.getReadinessProbe(), api.getLivenessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
                assertThat(probe.getHttpGet().getPath()).startsWith("/q/health/");
            }
            PodMonitor app = m.all(PodMonitor.class).stream().filter(p -> p.getMetadata().getName().equals("leadproof"))
                    .findFirst().orElseThrow();
            assertThat(app.getSpec().getPodMetricsEndpoints()).singleElement().satisfies(e -> {
                assertThat(e.getPort()).isEqualTo("management");
                assertThat(e.getPath()).isEqualTo("/q/metrics");
            });
            assertThat(selects(app.getSpec().getSelector().getMatchLabels(), m)).isTrue();
            Ingress ingress = m.only(Ingress.class);
            var hosts = ingress.getSpec().getRules().stream().map(r -> r.getHost()).collect(Collectors.toSet());
            assertThat(ingress.getSpec().getTls()).singleElement()
                    .satisfies(tls -> assertThat(tls.getHosts()).containsExactlyInAnyOrderElementsOf(hosts));
            var apiPaths = ingress.getSpec().getRules().getFirst().getHttp().getPaths();
            assertThat(apiPaths).singleElement().satisfies(p -> {
                assertThat(p.getPath()).isEqualTo("/graphql");
                assertThat(service(m, p.getBackend().getService().getName()).getSpec().getPorts())
                        .anySatisfy(sp -> assertThat(sp.getName()).isEqualTo(p.getBackend().getService().getPort().getName()));
            });
        }
    }

    @Test
    void selectors_of_services_budgets_autoscaler_and_policies_find_the_app_pods() {
        for (Manifests m : both()) {
            Deployment deployment = m.only(Deployment.class);
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
            for (Service s : m.all(Service.class)) {
                assertThat(selects(s.getSpec().getSelector(), m)).as(s.getMetadata().getName()).isTrue();
            }
            assertThat(selects(m.only(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(), m)).isTrue();
            assertThat(selects(m.only(NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels(), m)).isTrue();
            HorizontalPodAutoscaler hpa = m.only(HorizontalPodAutoscaler.class);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
            PodDisruptionBudget pdb = m.only(PodDisruptionBudget.class);
            if (pdb.getSpec().getMinAvailable() != null) {
                assertThat(pdb.getSpec().getMinAvailable().getIntVal()).as("a drain can always evict a pod")
                        .isLessThan(hpa.getSpec().getMinReplicas());
            }
        }
        assertThat(prod.only(HorizontalPodAutoscaler.class).getSpec().getMinReplicas()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_app_is_reachable_only_from_ingress_and_scraper_and_reaches_only_database_keycloak_and_dns() {
        for (Manifests m : both()) {
            NetworkPolicy policy = m.only(NetworkPolicy.class);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            var ingressPorts = policy.getSpec().getIngress().stream()
                    .flatMap(r -> r.getPorts().stream()).map(p -> p.getPort().getIntVal()).toList();
            assertThat(ingressPorts).containsExactlyInAnyOrder(8080, 9000);
            assertThat(policy.getSpec().getIngress()).allSatisfy(r -> assertThat(r.getFrom()).isNotEmpty());
            Set<String> egressTargets = new TreeSet<>();
            policy.getSpec().getEgress().forEach(r -> r.getTo().forEach(peer -> egressTargets.add(
                    String.valueOf(peer.getPodSelector().getMatchLabels()))));
            assertThat(egressTargets).containsExactlyInAnyOrder(
                    Map.of("cnpg.io/poolerName", m.only(Pooler.class).metadata().getName()).toString(),
                    Map.of("cnpg.io/cluster", cluster(m, "leadproof-db").metadata().getName()).toString(),
                    Map.of("app.kubernetes.io/instance", m.only(Keycloak.class).metadata().getName()).toString(),
                    Map.of("k8s-app", "kube-dns").toString());
        }
    }

    @Test
    void the_app_pool_goes_through_pgbouncer_in_session_mode_and_migrations_go_to_the_primary() {
        for (Manifests m : both()) {
            Map<String, String> config = config(m);
            Pooler pooler = m.only(Pooler.class);
            Cluster db = cluster(m, "leadproof-db");
            assertThat(pooler.spec().cluster().name()).isEqualTo(db.metadata().getName());
            assertThat(pooler.spec().pgbouncer().poolMode()).as("LISTEN and session-level set_config need session mode")
                    .isEqualTo(CloudNativePg.PoolMode.session);
            assertThat(config.get("LEADPROOF_DB_URL")).startsWith("jdbc:postgresql://" + pooler.metadata().getName() + ":5432/");
            assertThat(config.get("LEADPROOF_DB_DIRECT_URL")).startsWith("jdbc:postgresql://" + db.metadata().getName() + "-rw:5432/");
            assertThat(config.get("LEADPROOF_DB_URL")).endsWith("/" + db.spec().bootstrap().initdb().database());
            Keycloak keycloak = m.only(Keycloak.class);
            assertThat(config.get("LEADPROOF_OIDC_URL"))
                    .startsWith("http://" + keycloak.metadata().getName() + "-service:" + keycloak.spec().http().httpPort() + "/realms/leadproof");
            // The roles of docs/security.md: the owner may bypass row-level security, the app role may not.
            var roles = db.spec().managed().roles().stream().collect(Collectors.toMap(r -> r.name(), r -> r));
            assertThat(roles.get(db.spec().bootstrap().initdb().owner()).bypassrls()).isTrue();
            assertThat(roles.get("leadproof_app").bypassrls()).isFalse();
            assertThat(roles.get("leadproof_app").superuser()).isFalse();
            assertThat(db.spec().enableSuperuserAccess()).isFalse();
        }
        Cluster db = cluster(prod, "leadproof-db");
        assertThat(db.spec().instances()).isEqualTo(3);
        assertThat(db.spec().backup().barmanObjectStore().destinationPath()).startsWith("s3://");
        assertThat(prod.only(ScheduledBackup.class).spec().cluster().name()).isEqualTo(db.metadata().getName());
        assertThat(config(prod).get("LEADPROOF_DB_RO_URL")).startsWith("jdbc:postgresql://" + db.metadata().getName() + "-ro:5432/");
        Container api = prod.only(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(api.getEnvFrom()).as("the app reads LEADPROOF_DB_RO_URL (ReplicaReads) from the config map")
                .extracting(e -> e.getConfigMapRef() == null ? null : e.getConfigMapRef().getName()).contains("leadproof-config");
        assertThat(config(dev)).as("one instance in dev: no read-only datasource").doesNotContainKey("LEADPROOF_DB_RO_URL");
    }

    @Test
    void only_the_migrating_init_container_holds_the_owner_credentials() {
        for (Manifests m : both()) {
            PodSpec pod = m.only(Deployment.class).getSpec().getTemplate().getSpec();
            Container migrate = pod.getInitContainers().getFirst();
            Container api = pod.getContainers().getFirst();
            assertThat(migrate.getImage()).isEqualTo(api.getImage());
            assertThat(env(migrate)).containsEntry("QUARKUS_INIT_AND_EXIT", "true")
                    .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true")
                    .containsKeys("LEADPROOF_DB_OWNER_USER", "LEADPROOF_DB_OWNER_PASSWORD");
            assertThat(env(api)).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")
                    .doesNotContainKeys("LEADPROOF_DB_OWNER_USER", "LEADPROOF_DB_OWNER_PASSWORD");
        }
    }

    @Test
    void secrets_are_referenced_never_committed_and_each_is_described_in_the_deployment_docs() throws IOException {
        String docs = Files.readString(Path.of("docs/deployment.md"));
        for (Manifests m : both()) {
            assertThat(m.documents).noneSatisfy(d -> assertThat(d.path("kind").asText()).isEqualTo("Secret"));
            Set<String> referenced = new TreeSet<>();
            m.documents.forEach(d -> secretNames(d, referenced));
            assertThat(referenced).as(m.overlay).contains("leadproof-db", "leadproof-db-owner", "leadproof-keycloak-admin");
            referenced.forEach(name -> assertThat(docs).as("docs/deployment.md describes the Secret " + name).contains("`" + name + "`"));
        }
    }

    static final Set<String> SECRET_REF_FIELDS = Set.of("secretKeyRef", "passwordSecret", "usernameSecret", "accessKeyId",
            "secretAccessKey", "secret");

    /** Every Secret an object names: key references, the operators' secret fields, TLS secretName. */
    static void secretNames(JsonNode node, Set<String> names) {
        node.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (SECRET_REF_FIELDS.contains(field.getKey())) {
                if (value.isTextual()) {
                    names.add(value.asText());
                } else if (value.has("name")) {
                    names.add(value.path("name").asText());
                }
            } else if (field.getKey().equals("secretName") && value.isTextual()) {
                names.add(value.asText());
            }
        });
        // The realm's own "secret" fields are client secrets (dev only), not names of Kubernetes Secrets.
        node.properties().stream().filter(f -> !(f.getKey().equals("realm") && f.getValue().isObject()))
                .forEach(f -> secretNames(f.getValue(), names));
        if (node.isArray()) {
            node.elements().forEachRemaining(child -> secretNames(child, names));
        }
    }

    static List<Container> containers(PodSpec pod) {
        return java.util.stream.Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList();
    }

    static Map<String, String> env(Container c) {
        return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() != null ? e.getValue() : "<ref>"));
    }

    static Map<String, String> config(Manifests m) {
        return m.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("leadproof-config"))
                .findFirst().orElseThrow().getData();
    }

    static Cluster cluster(Manifests m, String name) {
        return m.all(Cluster.class).stream().filter(c -> c.metadata().getName().equals(name)).findFirst().orElseThrow();
    }

    static Service service(Manifests m, String name) {
        return m.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    static boolean selects(Map<String, String> selector, Manifests m) {
        var labels = m.only(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }
}
