package io.leadproof.ops.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * k8s/base/keycloak/realm-import.yaml, made from src/main/keycloak/leadproof-realm.json. Kustomize can carry a file only
 * as a string (ConfigMap data) and its patches must be Kubernetes objects, while the Keycloak operator wants the realm
 * as an object in the KeycloakRealmImport: so the wrapping is generated here ({@code make k8s-realm}) and a test fails
 * when the committed file differs. Kustomize does the rest: the prod overlay strips the demo parts with patches.
 */
final class RealmImportFile {

    static final Path REALM = Path.of("src/main/keycloak/leadproof-realm.json");
    static final Path FILE = Manifests.K8S.resolve("base/keycloak/realm-import.yaml");
    static final String KEYCLOAK = "leadproof-keycloak";

    private RealmImportFile() {
    }

    static JsonNode realm() {
        try {
            return new ObjectMapper().readTree(REALM.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String generate() {
        ObjectNode doc = Manifests.YAML.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "leadproof");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK);
        spec.set("realm", realm());
        try {
            return "# GENERATED from src/main/keycloak/leadproof-realm.json by `make k8s-realm`: edit the realm file, not this.\n"
                    + "# The prod overlay removes the demo users, workspaces and test clients (overlays/prod/realm-without-demo.yaml).\n"
                    + Manifests.YAML.writeValueAsString(doc).replaceFirst("^---\n", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String committed() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write() {
        try {
            Files.writeString(FILE, generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
