#!/usr/bin/env bash
# Times the evidence cores on JDK 25: a 1,000,000-lead backtest replay (two versions, streamed) and a
# 200,000-lead signal analysis. About a minute. Arguments: [backtest leads] [analysis leads].
set -euo pipefail
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
../../mvnw -q -f pom.xml -DskipTests package
"$JAVA_HOME/bin/java" -Xmx2g -XX:+UseParallelGC -cp "target/classes:$(cat target/classpath.txt)" \
  io.leadproof.bench.evidence.EvidenceBenchmark "$@"
