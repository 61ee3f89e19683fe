#!/usr/bin/env bash
# Builds and runs the scoring-engine JMH benchmark on JDK 25 (about 1.5 minutes).
# Extra arguments go to JMH, e.g. ./run.sh -t 2   or   ./run.sh -prof gc
set -euo pipefail
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
../../mvnw -q -f pom.xml -DskipTests package
"$JAVA_HOME/bin/java" -jar target/benchmarks.jar -f 1 -wi 2 -w 5s -i 3 -r 5s "$@"
