#!/usr/bin/env bash
# Fault scenario 5 (issue 18): the Kafka broker is away for DOWN_SECONDS (600: a cluster upgrade) under load.
# Users must not notice (a page and the API probed every 10 s: status and time), the outbox backlog and the
# age of its oldest event must show in health (outbox DELAYED after indkoeb.events.health.max-oldest-age, 5 min)
# and in the metrics, and after the broker returns every event must arrive, in commit order per request.
# Takes about DOWN_SECONDS + 4 minutes. Load: N lifecycles (default 60) by 3 clients spread over the outage.
SCENARIO=kafka-down-long
source "$(dirname "$0")/lib.sh"
N=${N:-60}; DOWN_SECONDS=${DOWN_SECONDS:-600}
SPREAD=$((DOWN_SECONDS + 60))
start_one_instance

log "load: $N lifecycles, 3 clients, spread over $SPREAD s"
run_load ports="$APP_PORT" lifecycles="$N" clients=3 spread-seconds="$SPREAD" max-seconds=$((SPREAD + 300)) \
  out="$WORK/load.txt" >"$WORK/load.out" &
LOAD_PID=$!; PIDS+=("$LOAD_PID")

# The outbox as operators see it: health's outbox component (details for an administrator) and the two gauges.
outbox_probe() {
  local health backlog oldest
  health=$(curl -s -m 5 -u admin:demo "http://127.0.0.1:$APP_PORT/actuator/health" \
    | jq -r '"health \(.status), outbox \(.components.outbox.status) backlog \(.components.outbox.details.backlog) oldest \(.components.outbox.details.oldestEventAgeSeconds) s"' || echo "health ?")
  backlog=$(curl -s -m 5 -u admin:demo "http://127.0.0.1:$APP_PORT/actuator/metrics/indkoeb.outbox.backlog" | jq -r '.measurements[0].value' || echo "?")
  oldest=$(curl -s -m 5 -u admin:demo "http://127.0.0.1:$APP_PORT/actuator/metrics/indkoeb.outbox.oldest.age" | jq -r '.measurements[0].value' || echo "?")
  echo "$(date +%T) $health | metrics backlog $backlog oldest ${oldest} s"
}

sleep 20
log "kill -9 broker pid $BROKER_PID (outbox so far: $(sql "select count(*) from outbox_event") events)"
kill -9 "$BROKER_PID"; wait "$BROKER_PID" 2>/dev/null || true
: >"$WORK/probes.txt"; : >"$WORK/outbox.txt"
DOWN_SINCE=$SECONDS
while (( SECONDS - DOWN_SINCE < DOWN_SECONDS )); do
  probe_round >>"$WORK/probes.txt"
  outbox_probe >>"$WORK/outbox.txt"
  sleep 10
done
log "broker was down $DOWN_SECONDS s; what users saw meanwhile (status x count, slowest answer):"
summarize_probes "$WORK/probes.txt" >&2
log "the outbox as operators saw it (first, at 5 min, last):"
{ head -1 "$WORK/outbox.txt"; grep -m1 "outbox DELAYED" "$WORK/outbox.txt" || echo "  (never DELAYED)"; tail -1 "$WORK/outbox.txt"; } >&2
BACKLOG=$(sql "select count(*) from outbox_event where published_at is null")
log "restarting the broker; $BACKLOG events wait"
start_broker
RESTARTED=$SECONDS
for _ in $(seq 1 300); do
  [ "$(sql "select count(*) from outbox_event where published_at is null")" = 0 ] && break
  sleep 1
done
log "the backlog of $BACKLOG events was published within $((SECONDS - RESTARTED)) s of the broker being ready"
log "after the drain: $(outbox_probe)"

wait "$LOAD_PID" || log "load generator exited non-zero"
cat "$WORK/load.out" >&2
log "load done; checking (consumer reads both topics from the beginning)"
run_check wait-seconds=150 | tee "$WORK/result.txt"
