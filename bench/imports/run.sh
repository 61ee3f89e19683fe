#!/usr/bin/env bash
# Throughput of the pure import core (read, map, data-quality checks) over 1,000,000 generated lead rows on one
# thread, and the cost of resuming in the middle. Re-runnable; the generated file is kept in $TMPDIR between runs.
# Usage: bench/imports/run.sh [rows] [repetitions]      (about 2-4 minutes on the project's VM)
set -euo pipefail
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
root=../..
"$root/mvnw" -q -f "$root/pom.xml" compile dependency:build-classpath -Dmdep.outputFile=target/import-bench.cp -Dmdep.includeScope=compile
mkdir -p target/classes results
cp="$root/target/classes:$(cat "$root/target/import-bench.cp")"
"$JAVA_HOME/bin/javac" -d target/classes -cp "$cp" $(find src -name '*.java')
"$JAVA_HOME/bin/java" -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/classes:$cp" io.leadproof.bench.imports.ImportBenchmark "${1:-1000000}" "${2:-3}" \
    | tee "results/run-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
