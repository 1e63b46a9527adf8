#!/usr/bin/env bash
# Fault scenario 4 (issue 18, first measurement): the PostgreSQL server is killed (SIGKILL of the postmaster)
# mid-run, stays down DOWN_SECONDS (30), and is started again on the same data, while the load generator keeps
# driving lifecycles and the application is never restarted. During the outage a page, the JSON API and health
# are probed every second: what users see is printed as status counts. Then the usual check of what was lost.
# Takes about 4-5 minutes. Load: N lifecycles (default 30) by 3 clients spread over 120 s.
SCENARIO=postgres-killed
source "$(dirname "$0")/lib.sh"
N=${N:-30}; DOWN_SECONDS=${DOWN_SECONDS:-30}
start_one_instance

log "load: $N lifecycles, 3 clients, spread over 120 s"
run_load ports="$APP_PORT" lifecycles="$N" clients=3 spread-seconds=120 max-seconds=420 out="$WORK/load.txt" \
  >"$WORK/load.out" &
LOAD_PID=$!; PIDS+=("$LOAD_PID")

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
log "what users saw from the kill until all three answered 200 again (status x count):"
summarize_probes "$WORK/probes.txt" >&2

# The deadline timers of the requests still in screening: each due at its request's deadline, none overdue.
log "deadline timers now: $(sql "select count(*) || ' active, ' || count(*) filter (where j.duedate_ is distinct from r.deadline at time zone current_setting('TimeZone')) || ' not at their request''s deadline, ' || count(*) filter (where j.duedate_ < localtimestamp - interval '1 minute') || ' overdue' from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_ join purchase_request r on r.id::text = e.business_key_ where j.handler_cfg_ like '%BoundaryEvent_DeadlineMissed%'")"

wait "$LOAD_PID" || log "load generator exited non-zero"
cat "$WORK/load.out" >&2
log "jobs left locked or failed: $(sql "select count(*) filter (where lock_owner_ is not null) || ' locked, ' || count(*) filter (where retries_ = 0) || ' failed' from act_ru_job")"
log "load done; checking (consumer reads both topics from the beginning)"
run_check wait-seconds=150 | tee "$WORK/result.txt"
cp "$WORK/probes.txt" "$WORK/result-probes.txt"
