#!/usr/bin/env bash
# Drain rate (issue 18): a backlog of BACKLOG (50 000) events, as a long Kafka outage leaves it, is committed
# at once while lifecycles go on; how fast does the relay publish it, and what is the commit-to-ack latency of
# the steps taken meanwhile? The backlog is copies of a real request's events (new ids, new request ids), so
# every record has the size and the topics of real ones. Then the usual check (nothing lost, commit order per
# request) over everything, the backlog included. Takes about 4 minutes.
SCENARIO=outbox-drain
source "$(dirname "$0")/lib.sh"
BACKLOG=${BACKLOG:-50000}; N=${N:-20}
start_one_instance

log "two lifecycles to copy the events of"
run_load ports="$APP_PORT" lifecycles=2 clients=2 max-seconds=120 out="$WORK/template-load.txt" >"$WORK/template-load.out"
TEMPLATE=$(sql "select request_id from outbox_event where type like '%decision.made%' order by seq desc limit 1")
PER_REQUEST=$(sql "select count(*) from outbox_event where request_id = '$TEMPLATE'")
REQUESTS=$(( (BACKLOG + PER_REQUEST - 1) / PER_REQUEST ))

# Latency of the real steps' events (not the copies, subject DRAIN) written between two times (epoch seconds): from
# the event's time (set just before its step commits) to its "published" mark (set just after Kafka acknowledged it).
step_latency() {
  sql "select count(*) || ' events: p50 ' || coalesce(round(1000 * percentile_cont(0.5) within group (order by s))::text, '-')
         || ' ms, p99 ' || coalesce(round(1000 * percentile_cont(0.99) within group (order by s))::text, '-')
         || ' ms, max ' || coalesce(round(1000 * max(s))::text, '-') || ' ms'
       from (select extract(epoch from published_at - occurred_at) as s from outbox_event
             where subject <> 'DRAIN' and occurred_at between to_timestamp($1) and to_timestamp($2)) latencies"
}

log "load: $N lifecycles by 2 clients spread over 90 s, from 15 s before the backlog"
run_load ports="$APP_PORT" lifecycles="$N" clients=2 spread-seconds=90 max-seconds=400 out="$WORK/load.txt" \
  >"$WORK/load.out" &
LOAD_PID=$!; PIDS+=("$LOAD_PID")
LOAD_STARTED=$(date +%s.%N)
sleep 15
log "committing a backlog of $REQUESTS requests x $PER_REQUEST events in one transaction"
sql "insert into outbox_event (id, request_id, type, subject, occurred_at, payload)
     select gen_random_uuid(), md5('drain-' || g)::uuid, t.type, 'DRAIN', now(), t.payload
     from generate_series(1, $REQUESTS) g
     cross join (select seq, type, subject, payload from outbox_event where request_id = '$TEMPLATE') t
     order by g, t.seq" >/dev/null
COMMITTED=$(date +%s.%N)
INSERTED=$((REQUESTS * PER_REQUEST))
while true; do
  LEFT=$(sql "select count(*) from outbox_event where published_at is null")
  [ "$LEFT" = 0 ] && break
  if (( $(date +%s) - ${COMMITTED%.*} > 300 )); then log "not drained within 300 s ($LEFT left)"; break; fi
  sleep 0.2
done
DRAINED=$(date +%s.%N)
log "drained $INSERTED events in $(python3 -c "print(f'{$DRAINED - $COMMITTED:.1f} s: {$INSERTED / ($DRAINED - $COMMITTED):.0f} events/s')")"
sleep 5
log "steps' events, event time to published: before the backlog $(step_latency "$LOAD_STARTED" "$COMMITTED")"
log "  while it drained $(step_latency "$COMMITTED" "$DRAINED")"

wait "$LOAD_PID" || log "load generator exited non-zero"
cat "$WORK/load.out" >&2
log "load done; checking (consumer reads both topics from the beginning)"
run_check wait-seconds=200 | tee "$WORK/result.txt"
