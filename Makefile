# LeadProof — the two commands are `make run` and `make test`; see README.md.
SHELL := /bin/bash
JDK := $(shell src/ops/jdk.sh)
ifeq ($(JDK),)
$(error No JDK 25 found — see the message above. Set JAVA_HOME to a JDK 25 and retry)
endif
export JAVA_HOME := $(JDK)
export PATH := $(JDK)/bin:$(PATH)
MVN := ./mvnw -B -ntp

.PHONY: run stop test schema schema-lint k8s-realm postgres keycloak keycloak-stop build bench-engine bench-scoring bench-metrics two-pods faults load clean client-check
APP_JAR := target/quarkus-app/quarkus-run.jar

## run: PostgreSQL + Keycloak + the app with demo data on :8080 (in the background; `make stop` ends it)
run: postgres keycloak build
	@src/ops/app.sh start

## stop: stop the app and Keycloak started by `make run`
stop:
	@src/ops/app.sh stop || true
	@src/ops/keycloak.sh stop || true

## test: the whole suite against real PostgreSQL and a real Keycloak (and the committed SDL through the schema linter)
test: postgres keycloak schema-lint
	$(MVN) test

## schema: rewrite graphql-schema/schema.graphql from the served schema
schema: postgres
	$(MVN) test -Dtest=SchemaDriftTest -Dleadproof.schema.write=true

## k8s-realm: rewrite k8s/base/keycloak/realm-import.yaml from src/main/keycloak/leadproof-realm.json
k8s-realm:
	$(MVN) test -Dtest=KubernetesManifestsTest -Dleadproof.k8s.write=true

## schema-lint: graphql-schema-linter over the committed SDL (installed into .cache/ once, offline afterwards)
schema-lint:
	@src/ops/schema-lint.sh

## build: package the app, only when a source changed since the last package
build: $(APP_JAR)

$(APP_JAR): pom.xml $(shell find src/main -type f)
	$(MVN) -q package -DskipTests

## two-pods: two app instances on one database, PASS/FAIL per claim (bench/ops/two-pods.sh; docs/operations.md)
two-pods: postgres keycloak build
	bench/ops/two-pods.sh

## faults: PostgreSQL restarted and killed under load, Keycloak down, SIGKILLed jobs, rolling restart; private
## PostgreSQL cluster and Keycloak, never the shared ones (bench/ops/faults.sh; docs/operations.md)
faults: postgres build
	bench/ops/faults.sh

## load: mixed workload against two pods at the expected rate and 10x (bench/ops/load.sh; LOAD_DURATION, default 300 s)
load: postgres keycloak build
	bench/ops/load.sh

postgres:
	@src/ops/postgres.sh ensure

keycloak:
	@src/ops/keycloak.sh start

keycloak-stop:
	@src/ops/keycloak.sh stop

clean:
	$(MVN) -q clean

## client-check: relay-compiler (strict ids) + graphql-codegen (strictScalars) + tsc over the committed SDL (bench/client-check; not in `make test`)
client-check:
	bench/client-check/check.sh
