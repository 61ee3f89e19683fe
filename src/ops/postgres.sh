#!/usr/bin/env bash
# Local PostgreSQL for LeadProof.
#
#   src/ops/postgres.sh ensure   make sure PostgreSQL answers on 127.0.0.1:5432 (install/start it if needed)
#                                and that the databases leadproof and leadproof_test exist. Idempotent.
#   src/ops/postgres.sh status   exit 0 when PostgreSQL accepts connections on 127.0.0.1:5432
#
# Assumes a local cluster where user postgres may connect over TCP from 127.0.0.1 without a password
# (trust), as on the development machines. Override with PGHOST/PGPORT/PGUSER (and PG_CLUSTER).
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DATABASES=(leadproof leadproof_test)
WAIT_SECONDS="${PG_WAIT_SECONDS:-60}"
PG_CLUSTER="${PG_CLUSTER:-main}"   # Debian cluster name started when nothing answers

say() { printf '[postgres] %s\n' "$*" >&2; }
die() { printf '[postgres] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1; }

answers() { # something accepts TCP connections on the port (even if not PostgreSQL / not ready yet)
  (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null
}

newest_version() { # newest installed major version under /etc/postgresql, e.g. 15
  find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -n | tail -n1
}

installed() { command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls -A /etc/postgresql 2>/dev/null)" ]; }

install_postgres() {
  say "PostgreSQL is not installed; installing it with apt-get (this takes a minute)"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not available; install PostgreSQL yourself"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  installed || die "apt-get install finished, but no cluster was found under /etc/postgresql"
  # Match the development machines: trust for TCP connections from the loopback interface only.
  # (Done only for a cluster this script just installed; an existing cluster's auth is left alone.)
  local hba
  for hba in /etc/postgresql/*/"$PG_CLUSTER"/pg_hba.conf; do
    [ -f "$hba" ] || continue
    as_root sed -i -E 's#^(host[[:space:]]+all[[:space:]]+all[[:space:]]+(127\.0\.0\.1/32|::1/128)[[:space:]]+)[a-z0-9-]+[[:space:]]*$#\1trust#' "$hba"
    say "set loopback TCP auth to trust in $hba"
  done
  # apt may have started the cluster already; reload so the new pg_hba.conf applies.
  local version
  version="$(newest_version)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$PG_CLUSTER" reload >/dev/null 2>&1 || true
}

start_cluster() {
  local version
  version="$(newest_version)"
  [ -d "/etc/postgresql/$version/$PG_CLUSTER" ] || die "no '$PG_CLUSTER' cluster under /etc/postgresql/$version"
  if as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$PG_CLUSTER" status >/dev/null 2>&1; then
    say "cluster $version/$PG_CLUSTER is already running"
    return 0
  fi
  say "starting cluster $version/$PG_CLUSTER"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$PG_CLUSTER" start \
    || die "pg_ctlcluster could not start $version/$PG_CLUSTER (see /var/log/postgresql/postgresql-$version-$PG_CLUSTER.log)"
}

wait_ready() {
  local i
  for i in $(seq 1 "$WAIT_SECONDS"); do
    ready && return 0
    [ $((i % 5)) -eq 0 ] && say "waiting for PostgreSQL on $PGHOST:$PGPORT... ${i} s"
    sleep 1
  done
  die "PostgreSQL did not become ready on $PGHOST:$PGPORT within ${WAIT_SECONDS} s"
}

ensure_database() {
  local db="$1" exists
  exists="$(psql -X -q -t -A -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" \
    || die "cannot query $PGHOST:$PGPORT as $PGUSER (is trust/password auth set up for TCP?)"
  if [ "$exists" = "1" ]; then
    say "database $db exists"
  else
    psql -X -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
    say "database $db created"
  fi
}

cmd_ensure() {
  if command -v pg_isready >/dev/null 2>&1 && ready; then
    say "PostgreSQL answers on $PGHOST:$PGPORT"
  elif answers; then
    command -v pg_isready >/dev/null 2>&1 || install_postgres
    say "something listens on $PGHOST:$PGPORT but is not ready yet; waiting"
    wait_ready
  else
    installed || install_postgres
    start_cluster
    wait_ready
    say "PostgreSQL is up on $PGHOST:$PGPORT"
  fi
  command -v psql >/dev/null 2>&1 || install_postgres
  local db
  for db in "${DATABASES[@]}"; do
    ensure_database "$db"
  done
  say "ready: jdbc:postgresql://$PGHOST:$PGPORT/leadproof (tests: /leadproof_test), user $PGUSER"
}

cmd_status() {
  if command -v pg_isready >/dev/null 2>&1 && ready; then
    say "running on $PGHOST:$PGPORT"
    return 0
  fi
  say "not running on $PGHOST:$PGPORT (run: src/ops/postgres.sh ensure)"
  return 3
}

case "${1:-}" in
  ensure) cmd_ensure ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 ensure|status" >&2
    exit 2
    ;;
esac
