# The handed-off history data set shared by the backtest and prediction benchmarks (sourced after bench/scoring/lib.sh;
# uses HERE's sibling files through BACKTEST_DIR). history_dataset N: creates BENCH_DB when missing, migrates it by starting the app once, then
# keeps the workspace's leads when BENCH_REUSE=1 and there are exactly N of them, or generates N leads with 5 activities
# each (bench/scoring/generate.sh), one lead in eight handed off with an outcome (handoffs.sql) and every lead's first
# trait revision (the generator loads leads with triggers off; ../evidence-api/backfill.sql, as V33 did), then analyses.
BACKTEST_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

history_dataset() {
  local n="$1" have
  if ! psql -X -Atc "select 1 from pg_database where datname = '$BENCH_DB'" -d postgres | grep -q 1; then
    psql -X -qc "create database $BENCH_DB" -d postgres
  fi
  app_start "$BENCH_OUT/app-setup.log"
  gql "$(token)" '{ viewer { workspace { id } } }' >/dev/null
  app_stop
  have=$(psql -X -Atc "select count(*) from lead where workspace_id = '$BENCH_WS'" -d "$BENCH_DB")
  if [ "${BENCH_REUSE:-0}" = 1 ] && [ "$have" = "$n" ]; then
    log "reusing the $n leads of $BENCH_DB"
    return
  fi
  log "generating $n leads, $((n * 5)) activities and their handoffs"
  BENCH_LEADS="$n" BENCH_ACTIVITIES="$((n * 5))" "$BENCH_DIR/generate.sh" >"$BENCH_OUT/generate-$n.log" 2>&1
  psql -X -q -d "$BENCH_DB" -v ws="$BENCH_WS" -f "$BACKTEST_DIR/handoffs.sql" | tee -a "$BENCH_OUT/generate-$n.log" >&2
  psql -X -q -d "$BENCH_DB" -v ws="$BENCH_WS" -f "$BACKTEST_DIR/../evidence-api/backfill.sql" | tee -a "$BENCH_OUT/generate-$n.log" >&2
  psql -X -q -d "$BENCH_DB" -c "vacuum analyze lead" -c "vacuum analyze activity" -c "vacuum analyze handoff" \
    -c "vacuum analyze lead_trait_revision" >/dev/null
}
