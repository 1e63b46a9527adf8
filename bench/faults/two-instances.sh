#!/usr/bin/env bash
# Fault scenario 3: two application instances (different ports) on one PostgreSQL database and one
# broker, the load spread over both (each lifecycle's steps alternate between the instances). Shows
# 0 lost, no double sending, and the relay lease: PostgreSQL's pg_locks is sampled for the
# advisory lock (key 0x4F5554424F58) and which instance (application_name) holds it (a psql call with
# 0.25 s pauses, so about one sample a second on a loaded machine), and each
# instance's counter indkoeb.outbox.published tells how many events it relayed.
# Takes about 3-4 minutes. Load: N lifecycles (default 40) by 4 clients spread over 60 s.
SCENARIO=two-instances
source "$(dirname "$0")/lib.sh"
N=${N:-40}
ensure_built
start_postgres
start_broker
PORT_A=$(free_port); PORT_B=$(free_port)
start_app a "$PORT_A"
start_app b "$PORT_B"

# The lease: bigint advisory key 0x4F5554424F58 = classid 0x4F55 (20309), objid 0x54424F58 (1413631832).
LEASE_SQL="select coalesce(string_agg(a.application_name, '+'), '-') from pg_locks l join pg_stat_activity a on a.pid = l.pid
 where l.locktype = 'advisory' and l.classid = 20309 and l.objid = 1413631832 and l.objsubid = 1 and l.granted"
(
  end=$((SECONDS + 400))
  while [ $SECONDS -lt $end ]; do
    sql "$LEASE_SQL" || true
    sleep 0.25
  done
) >"$WORK/lease-samples.txt" 2>/dev/null &
SAMPLER_PID=$!; PIDS+=("$SAMPLER_PID")

log "load: $N lifecycles, 4 clients, spread over 60 s, over both instances"
run_load ports="$PORT_A,$PORT_B" lifecycles="$N" clients=4 spread-seconds=60 max-seconds=400 out="$WORK/load.txt" \
  >"$WORK/load.out" || log "load generator exited non-zero"
cat "$WORK/load.out" >&2
sleep 5
kill "$SAMPLER_PID" 2>/dev/null || true

published() {
  curl -s -u admin:demo "http://127.0.0.1:$1/actuator/metrics/indkoeb.outbox.published" \
    | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))' 2>/dev/null || echo "?"
}
PUB_A=$(published "$PORT_A"); PUB_B=$(published "$PORT_B")
log "checking (consumer reads both topics from the beginning)"
set +e
run_check wait-seconds=150 | tee "$WORK/result.txt"
RC=${PIPESTATUS[0]}
set -e
SAMPLES=$(wc -l <"$WORK/lease-samples.txt")
{
  echo "relay lease (pg_locks sampled by psql with 0.25 s pauses, $SAMPLES samples over the run): held by app-a $(grep -cx 'app-a' "$WORK/lease-samples.txt" || true)," \
       "by app-b $(grep -cx 'app-b' "$WORK/lease-samples.txt" || true), by both at once $(grep -c '+' "$WORK/lease-samples.txt" || true)," \
       "free $(grep -cx -- '-' "$WORK/lease-samples.txt" || true)"
  echo "events relayed per instance (indkoeb.outbox.published): app-a $PUB_A, app-b $PUB_B, sum $((${PUB_A/\?/0} + ${PUB_B/\?/0}))" \
       "vs outbox $(sql 'select count(*) from outbox_event')"
} | tee -a "$WORK/result.txt"
exit "$RC"
