#!/usr/bin/env bash
# Prints the home of a JDK 25 (JAVA_HOME if it is one, else the first under /usr/lib/jvm or
# /opt), or explains on stderr and exits 1. The build and the app need Java 25.
set -euo pipefail

is_jdk25() {
  [ -x "$1/bin/javac" ] || return 1
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "$v" = "25" ]
}

for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /opt/*jdk*25* /opt/java/*25*; do
  [ -n "$candidate" ] && [ -d "$candidate" ] || continue
  if is_jdk25 "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done
cat >&2 <<'MSG'
LeadProof needs a JDK 25 and none was found.
  Looked at $JAVA_HOME, /usr/lib/jvm/*25* and /opt/*jdk*25*.
  Install Eclipse Temurin 25 (e.g. apt-get install temurin-25-jdk from the Adoptium repository)
  or point JAVA_HOME at a JDK 25, then run make again.
MSG
exit 1
