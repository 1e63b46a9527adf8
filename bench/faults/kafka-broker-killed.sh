#!/usr/bin/env bash
# Fault scenario 1: the Kafka broker is killed (SIGKILL) mid-run and started again 60 s later on the
# same port and log directory, while the load generator keeps driving lifecycles. Then a separate
# consumer reads both topics from the beginning and compares with the outbox. Takes about 4-5 minutes.
# Load: N lifecycles (default 30) by 3 clients spread over 140 s (before, during and after the outage);
# override with N=..., DOWN_SECONDS=...
SCENARIO=kafka-broker-killed
source "$(dirname "$0")/lib.sh"
N=${N:-30}; DOWN_SECONDS=${DOWN_SECONDS:-60}
start_one_instance

log "load: $N lifecycles, 3 clients, spread over 140 s"
run_load ports="$APP_PORT" lifecycles="$N" clients=3 spread-seconds=140 max-seconds=400 out="$WORK/load.txt" \
  >"$WORK/load.out" &
LOAD_PID=$!; PIDS+=("$LOAD_PID")

sleep 20
BEFORE=$(sql "select count(*) from outbox_event")
log "kill -9 broker pid $BROKER_PID (outbox so far: $BEFORE events)"
kill -9 "$BROKER_PID"; wait "$BROKER_PID" 2>/dev/null || true
sleep "$DOWN_SECONDS"
DURING=$(sql "select count(*) || ' events, ' || count(*) filter (where published_at is null) || ' unpublished' from outbox_event")
log "broker was down $DOWN_SECONDS s; outbox: $DURING; restarting it"
start_broker

wait "$LOAD_PID" || log "load generator exited non-zero"
cat "$WORK/load.out" >&2
log "load done; checking (consumer reads both topics from the beginning)"
run_check wait-seconds=150 | tee "$WORK/result.txt"
