#!/usr/bin/env bash
# Fault scenario 7 (issue 25): an event Kafka refuses for good enters the outbox mid-run. Under the usual lifecycle
# load, one transaction writes three events of one request: a real decided request's decision.made.v1 listing FILES
# (3 000) files, over Kafka's 1 MiB as a record (the attack: many tiny uploads), between an earlier and a later event
# of that request. The relay must set it aside at once instead of retrying it (which stopped every later event of
# every request), publish everything else (0 lost, commit order per request), name it in health (outbox DOWN,
# readiness still UP) and on the administrators' API, and, once an administrator has corrected it through the API,
# publish it and then the event that waited behind it. Takes about 4 minutes.
SCENARIO=oversized-event
source "$(dirname "$0")/lib.sh"
N=${N:-30}; FILES=${FILES:-3000}
start_one_instance
BASE="http://127.0.0.1:$APP_PORT"
API="$BASE/api/admin/outbox/dead-letters"

log "load: $N lifecycles, 3 clients, spread over 120 s"
run_load ports="$APP_PORT" lifecycles="$N" clients=3 spread-seconds=120 max-seconds=400 out="$WORK/load.txt" \
  >"$WORK/load.out" &
LOAD_PID=$!; PIDS+=("$LOAD_PID")

# The template: the first request the load decided (its decision.made.v1 is real, from the application).
TEMPLATE=""
for _ in $(seq 1 120); do
  TEMPLATE=$(sql "select request_id from outbox_event where type = 'dk.indkoebsscreening.decision.made.v1' order by seq limit 1")
  [ -n "$TEMPLATE" ] && break
  sleep 1
done
[ -n "$TEMPLATE" ] || { log "no decision within 120 s"; exit 1; }
sleep 10

# A request of its own (subject IND-2026-9999): its submission, the oversized decision, and a later event, in one
# transaction, so in seq order as the application writes a request's events. Each file as decision.made.v1 lists it.
REQUEST=$(python3 -c 'import uuid; print(uuid.uuid4())')
moved="jsonb_set(jsonb_set(payload, '{requestId}', to_jsonb('$REQUEST'::text)), '{reference}', '\"IND-2026-9999\"')"
files="(select jsonb_agg(jsonb_build_object('id', gen_random_uuid(), 'name', 'Bilag ' || g || ' - tilbud fra leverandøren, underskrevet.pdf',
          'mediaType', 'application/pdf', 'size', 48213 + g, 'sha256', encode(sha256(convert_to(g::text, 'UTF8')), 'hex'),
          'step', 'SUBMISSION', 'area', null, 'addedBy', 'anna', 'addedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),
          'removedBy', null, 'removedAt', null) order by g) from generate_series(1, $FILES) g)"
copy() {  # copy TYPE PAYLOAD-EXPRESSION: the template's first event of that type, moved to the request
  echo "insert into outbox_event (id, request_id, type, subject, occurred_at, payload)
        select gen_random_uuid(), '$REQUEST', type, 'IND-2026-9999', now(), $2
        from outbox_event where request_id = '$TEMPLATE' and type = 'dk.indkoebsscreening.$1' order by seq limit 1;"
}
log "writing an oversized decision.made.v1 ($FILES files) between two events of request $REQUEST"
sql "$(copy request.submitted.v1 "$moved") $(copy decision.made.v1 "jsonb_set($moved, '{attachments}', $files)")
     $(copy area.screened.v1 "$moved")" >/dev/null
COMMITTED=$(date +%s.%N)
read -r BIG BIGSEQ <<<"$(sql "select id, seq from outbox_event where request_id = '$REQUEST' and type like '%decision.made.v1' " | tr '|' ' ')"
log "  its payload: $(sql "select octet_length(payload::text) from outbox_event where id = '$BIG'") bytes as JSON"

for _ in $(seq 1 300); do
  [ "$(sql "select dead_lettered_at is not null from outbox_event where id = '$BIG'")" = t ] && break
  sleep 0.1
done
log "set aside $(sql "select round(1000 * (extract(epoch from dead_lettered_at) - $COMMITTED)) || ' ms after its commit: ' || dead_letter_reason
                      from outbox_event where id = '$BIG'")"
sleep 5
log "health as monitoring sees it: HTTP $(curl -s -o "$WORK/health.json" -w '%{http_code}' -u admin:demo "$BASE/actuator/health"), outbox:"
jq -c '.components.outbox | {status, deadLetterCount: .details.deadLetterCount, deadLetters: .details.deadLetters}' "$WORK/health.json" >&2
log "readiness as the load balancer sees it: HTTP $(curl -s -o "$WORK/readiness.json" -w '%{http_code}' "$BASE/actuator/health/readiness") $(cat "$WORK/readiness.json")"
log "the administrators' API:"
curl -s -u admin:demo "$API" | jq -c '{total, maxRecordBytes, items: [.items[] | {id, reference, type, payloadBytes, waitingBehind, timesSetAside, reason}]}' >&2

wait "$LOAD_PID" || log "load generator exited non-zero"
cat "$WORK/load.out" >&2
sleep 3
log "while it stood aside (until the load ended, $(sql "select round(extract(epoch from now() - dead_lettered_at)) from outbox_event where id = '$BIG'") s):"
log "  other requests' events written after it: $(sql "select count(*) || ' events of ' || count(distinct request_id) || ' requests, '
      || count(*) filter (where published_at is null) || ' unpublished; event time to published: p50 '
      || coalesce(round(1000 * percentile_cont(0.5) within group (order by extract(epoch from published_at - occurred_at)))::text, '-')
      || ' ms, p99 ' || coalesce(round(1000 * percentile_cont(0.99) within group (order by extract(epoch from published_at - occurred_at)))::text, '-')
      || ' ms, max ' || coalesce(round(1000 * max(extract(epoch from published_at - occurred_at)))::text, '-') || ' ms'
      from outbox_event where seq > $BIGSEQ and request_id <> '$REQUEST'")"
log "  its request: $(sql "select string_agg(replace(replace(type, 'dk.indkoebsscreening.', ''), '.v', ' v') || ' '
      || case when published_at is not null then 'published' when dead_lettered_at is not null then 'SET ASIDE' else 'waiting' end, ', ' order by seq)
      from outbox_event where request_id = '$REQUEST'")"
log "  unpublished in the whole outbox: $(sql "select count(*) from outbox_event where published_at is null"); relay ERROR lines naming it: $(grep -c "ERROR.*$BIG" "$WORK"/app-a.*.log)"

# The administrator's fix through the API: the payload as stored, its file list cut to the first three, put back.
curl -s -u admin:demo "$API/$BIG/payload" | jq -c '.attachments |= .[:3]' >"$WORK/fixed.json"
log "correcting it through the API ($(wc -c <"$WORK/fixed.json") bytes): HTTP $(curl -s -o "$WORK/fix.out" -w '%{http_code}' -u admin:demo -X PUT \
  -H 'Content-Type: application/json' --data-binary @"$WORK/fixed.json" "$API/$BIG/payload") $(cat "$WORK/fix.out")"
for _ in $(seq 1 300); do
  [ "$(sql "select count(*) from outbox_event where request_id = '$REQUEST' and published_at is null")" = 0 ] && break
  sleep 0.1
done
log "  its request then: $(sql "select string_agg(replace(replace(type, 'dk.indkoebsscreening.', ''), '.v', ' v') || ' published '
      || to_char(published_at, 'HH24:MI:SS.MS'), ', ' order by seq) from outbox_event where request_id = '$REQUEST'")"
log "  recorded: $(sql "select 'changed by ' || payload_changed_by || ', original payload kept (' || octet_length(original_payload::text)
      || ' bytes), set aside ' || dead_lettered_times || ' time(s)' from outbox_event where id = '$BIG'")"
log "health after the fix: HTTP $(curl -s -o "$WORK/health-after.json" -w '%{http_code}' -u admin:demo "$BASE/actuator/health"), outbox $(jq -c '.components.outbox | {status, deadLetterCount: .details.deadLetterCount, backlog: .details.backlog}' "$WORK/health-after.json")"

log "checking (consumer reads both topics from the beginning)"
run_check wait-seconds=150 | tee "$WORK/result.txt"
