#!/usr/bin/env bash
# Fault scenario 2: the application is killed with SIGKILL mid-run and started again, while
# PostgreSQL (Debian's PostgreSQL 15, its own cluster) and the Kafka broker (its own JVM) keep running.
# The load generator keeps going: a POST that fails while the app is down was never acknowledged and
# is counted apart; a step whose answer was lost is retried (or found committed) after the restart.
# Takes about 4 minutes. The kill comes after KILL_AFTER (15) s, at a moment when at least
# two lifecycles are between triage and decision. Load: N lifecycles (default 30) by 3 clients spread over 45 s.
SCENARIO=app-killed
source "$(dirname "$0")/lib.sh"
N=${N:-30}; KILL_AFTER=${KILL_AFTER:-15}
start_one_instance

log "load: $N lifecycles, 3 clients, spread over 45 s"
run_load ports="$APP_PORT" lifecycles="$N" clients=3 spread-seconds=45 max-seconds=420 out="$WORK/load.txt" \
  >"$WORK/load.out" &
LOAD_PID=$!; PIDS+=("$LOAD_PID")

sleep "$KILL_AFTER"
# Kill while lifecycles are under way (screening started, no decision yet): wait up to 30 s for two.
IN_PROGRESS_SQL="select count(distinct o.request_id) from outbox_event o where o.type like '%screening.started%'
 and not exists (select 1 from outbox_event d where d.request_id = o.request_id and d.type like '%decision.made%')"
# First choice (KILL_WHEN=locked-job, the default): a moment when the job executor holds a job's lock,
# e.g. the join after the six screenings, so the restart must wait for that lock to expire.
KILL_WHEN=${KILL_WHEN:-locked-job}
if [ "$KILL_WHEN" = locked-job ]; then
  for _ in $(seq 1 100); do
    [ "$(sql "select count(*) from act_ru_job where lock_owner_ is not null")" -ge 1 ] && break
    sleep 0.1
  done
fi
for _ in $(seq 1 150); do
  [ "$KILL_WHEN" = locked-job ] && [ "$(sql "select count(*) from act_ru_job where lock_owner_ is not null")" -ge 1 ] && break
  [ "$(sql "$IN_PROGRESS_SQL")" -ge 2 ] && break
  sleep 0.2
done
BEFORE=$(sql "select count(*) || ' events, ' || count(*) filter (where published_at is null) || ' unpublished, '
 || ($IN_PROGRESS_SQL) || ' lifecycles in screening' from outbox_event")
log "kill -9 app pid ${APP_PID[a]} (outbox: $BEFORE)"
kill -9 "${APP_PID[a]}"; wait "${APP_PID[a]}" 2>/dev/null || true
# Camunda jobs the dead engine had locked wait for their lock to expire (lock-time-in-millis) before
# the restarted engine can run them, e.g. the join after the six screenings.
log "Camunda jobs locked by the dead engine: $(sql "select count(*) || ', lock expires in up to '
 || coalesce(ceil(extract(epoch from max(lock_exp_time_) - localtimestamp)), 0) || ' s' from act_ru_job where lock_owner_ is not null")"
sleep 5
log "restarting the app on the same port"
start_app a "$APP_PORT"

wait "$LOAD_PID" || log "load generator exited non-zero"
cat "$WORK/load.out" >&2
log "load done; checking (consumer reads both topics from the beginning)"
run_check wait-seconds=150 | tee "$WORK/result.txt"
