package io.leadproof.ops.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The image cannot be built here (no Docker engine); what can be checked without building it is: Temurin 25's JRE,
 * the fast-jar layout Quarkus packages, a numeric non-root user (so runAsNonRoot can verify it), an exec-form entry
 * point (the JVM gets SIGTERM) and nothing written outside /tmp.
 */
class DockerfileTest {

    @Test
    void the_image_runs_the_fast_jar_on_temurin_25_as_a_numeric_non_root_user() {
        var lines = Dockerfile.instructions();
        assertThat(lines.getFirst()).matches("FROM eclipse-temurin:25-jre\\S*");
        assertThat(Dockerfile.user()).isEqualTo(185L);
        assertThat(lines).filteredOn(l -> l.startsWith("COPY"))
                .extracting(l -> l.split("\\s+")[2])
                .containsExactly("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                        "target/quarkus-app/quarkus/");
        String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertThat(entrypoint).startsWith("ENTRYPOINT [\"java\"").endsWith("\"-jar\", \"/deployments/quarkus-run.jar\"]")
                .contains("-Djava.io.tmpdir=/tmp", "-XX:ErrorFile=/tmp/");
        assertThat(lines).filteredOn(l -> l.startsWith("COPY")).allSatisfy(l -> assertThat(l).contains("--chmod=0444"));
    }
}
