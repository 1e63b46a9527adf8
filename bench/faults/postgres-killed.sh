#!/usr/bin/env bash
# Fault scenario 4 (issue 18, first measurement): the PostgreSQL server is killed (SIGKILL of the postmaster)
# mid-run, stays down DOWN_SECONDS (30), and is started again on the same data, while the load generator keeps
# driving lifecycles and the application is never restarted. During the outage a page, the JSON API and health
# are probed every second: what users see is printed as status counts. Then the usual check of what was lost.
# Takes about 4-5 minutes. Load: N lifecycles (default 30) by 3 clients spread over 120 s.
SCENARIO=postgres-killed
source "$(dirname "$0")/lib.sh"
N=${N:-30}; DOWN_SECONDS=${DOWN_SECONDS:-30}
ensure_built
start_postgres
start_broker
APP_PORT=$(free_port)
start_app a "$APP_PORT"

log "load: $N lifecycles, 3 clients, spread over 120 s"
run_load ports="$APP_PORT" lifecycles="$N" clients=3 spread-seconds=120 max-seconds=420 out="$WORK/load.txt" \
  >"$WORK/load.out" &
LOAD_PID=$!; PIDS+=("$LOAD_PID")

# One probe: status and seconds of a request, and its Retry-After if any (000: no answer within 5 s).
probe() {
  local name=$1 url=$2; shift 2
  local out
  out=$(curl -s -o /dev/null -m 5 -D "$WORK/$name.headers" -w '%{http_code} %{time_total}s' "$@" \
    "http://127.0.0.1:$APP_PORT$url" || true)
  echo "$out$(grep -i '^retry-after:' "$WORK/$name.headers" 2>/dev/null | tr -d '\r' | sed 's/^/ /' || true)" >"$WORK/$name.probe"
}
# A requester's page, the JSON API and health, at the same time: a round takes at most 5 s.
probe_round() {
  local pids=()
  probe page /anmodninger -u anna:demo & pids+=($!)
  probe api '/api/requests?mine=true' -u bent:demo & pids+=($!)
  probe health /actuator/health & pids+=($!)
  wait "${pids[@]}"
  echo "$(date +%T) page $(cat "$WORK/page.probe") | api $(cat "$WORK/api.probe") | health $(cat "$WORK/health.probe")"
}

sleep 25
BEFORE=$(sql "select count(*) || ' events, ' || count(*) filter (where published_at is null) || ' unpublished' from outbox_event")
POSTMASTER=$(head -1 "$PGDATA_DIR/postmaster.pid")
log "kill -9 PostgreSQL postmaster pid $POSTMASTER (outbox so far: $BEFORE)"
kill -9 "$POSTMASTER"
: >"$WORK/probes.txt"
DOWN_SINCE=$SECONDS
while (( SECONDS - DOWN_SINCE < DOWN_SECONDS )); do
  probe_round >>"$WORK/probes.txt"
  sleep 1
done
# The backends notice the postmaster's death and exit; until they have, the shared memory is in use.
for _ in $(seq 1 30); do
  pgrep -u postgres -f "postgres: .*indkoeb" >/dev/null || break
  sleep 1
done
log "PostgreSQL was down ${DOWN_SECONDS} s; starting it again on the same data"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -w -t 60 -l "$PGDATA_DIR/server.log" \
  -o "-p $PGPORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
RECOVERED=""; UP_SINCE=$SECONDS
while (( SECONDS - UP_SINCE < 120 )); do
  line=$(probe_round); echo "$line" >>"$WORK/probes.txt"
  if [[ "$line" == *"page 200"*"api 200"*"health 200"* ]]; then RECOVERED=$((SECONDS - UP_SINCE)); break; fi
  sleep 1
done
log "after the restart the page, the API and health answer 200 again after ${RECOVERED:-more than 120} s (no application restart)"
log "what users saw while it was down (status: count): page $(grep -o 'page [0-9]*' "$WORK/probes.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
log "  api $(grep -o 'api [0-9]*' "$WORK/probes.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';') health $(grep -o 'health [0-9]*' "$WORK/probes.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"

wait "$LOAD_PID" || log "load generator exited non-zero"
cat "$WORK/load.out" >&2
log "jobs left locked or failed: $(sql "select count(*) filter (where lock_owner_ is not null) || ' locked, ' || count(*) filter (where retries_ = 0) || ' failed' from act_ru_job")"
log "load done; checking (consumer reads both topics from the beginning)"
run_check wait-seconds=150 | tee "$WORK/result.txt"
cp "$WORK/probes.txt" "$WORK/result-probes.txt"
