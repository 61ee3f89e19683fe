package io.leadproof.ops.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The part of the Keycloak operator's resources (k8s.keycloak.org/v2alpha1) that k8s/ uses, as in the operator's
 * published CRD schemas (26.x). Strict like {@link CloudNativePg}. The realm itself is not modelled here: it is the
 * repository's realm file, which every test run imports into a real Keycloak.
 */
final class KeycloakOperator {

    private KeycloakOperator() {
    }

    record Keycloak(String apiVersion, String kind, ObjectMeta metadata, KeycloakSpec spec) {
    }

    record KeycloakSpec(Integer instances, String image, Boolean startOptimized, Db db, Http http, Hostname hostname,
            Proxy proxy, Ingress ingress, BootstrapAdmin bootstrapAdmin, ResourceRequirements resources) {
    }

    record Db(String vendor, String host, Integer port, String database, SecretKey usernameSecret,
            SecretKey passwordSecret) {
    }

    record SecretKey(String name, String key, Boolean optional) {
    }

    record Http(Boolean httpEnabled, Integer httpPort, Integer httpsPort, String tlsSecret) {
    }

    record Hostname(String hostname, String admin, Boolean strict, Boolean backchannelDynamic) {
    }

    record Proxy(String headers) {
    }

    record Ingress(Boolean enabled, String className) {
    }

    record BootstrapAdmin(SecretName user, SecretName service) {
    }

    record SecretName(String secret) {
    }

    record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, RealmImportSpec spec) {
    }

    record RealmImportSpec(String keycloakCRName, JsonNode realm) {
    }
}
