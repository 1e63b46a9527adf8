# Shared helpers of the fault scenarios (sourced, not run). Loopback only, every wait bounded,
# every process started here is killed by the EXIT trap (by its own pid).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PGBIN=/usr/lib/postgresql/15/bin
SCENARIO=${SCENARIO:?}
WORK="$ROOT/target/faults/$SCENARIO"
rm -rf "$WORK"
mkdir -p "$WORK"
PIDS=()
PGDATA_DIR=""

log() { echo "[$(date +%T)] $*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# The application jar and the tools with their classpath (the tools live in src/bench, compiled beside the test
# classes by the benchmark profile), built again when a source is newer than them: a scenario must measure the
# code in the tree, not an earlier jar.
ensure_built() {
  local jar tools=target/test-classes/dk/indkoebsscreening/faults/FaultLoad.class
  jar=$(ls target/indkoebsscreening-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find pom.xml src/main bpmn -newer "$jar" -print -quit)" ]; then
    log "building the jar"; ./mvnw -o -q -B package -DskipTests -Dinvoker.skip >"$WORK/build.log" 2>&1
  fi
  if [ ! -f "$tools" ] || [ ! -f target/faults-cp.txt ] || [ -n "$(find pom.xml src/test src/bench -newer "$tools" -print -quit)" ]; then
    log "compiling the fault tools"
    ./mvnw -o -q -B -Pbenchmark test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/faults-cp.txt >"$WORK/build.log" 2>&1
  fi
  JAR=$(ls target/indkoebsscreening-*.jar | head -1)
  CP="target/test-classes:target/classes:$(cat target/faults-cp.txt)"
}

# What most scenarios start with: the tools built, PostgreSQL, the broker and one application instance on APP_PORT.
start_one_instance() {
  ensure_built
  start_postgres
  start_broker
  APP_PORT=$(free_port)
  start_app a "$APP_PORT"
}

cleanup() {
  local rc=$?
  exec 2>/dev/null   # no "Killed" job notices for the processes ended here
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done
  if [ -n "$PGDATA_DIR" ] && [ -d "$PGDATA_DIR" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA_DIR"
  fi
  exit $rc
}
trap cleanup EXIT INT TERM

# Debian's PostgreSQL 15 as its own cluster in a temp dir on a free port; it outlives every app process.
start_postgres() {
  PGPORT=$(free_port)
  PGDATA_DIR=$(mktemp -d /tmp/faults-pg-XXXXXX)
  chown postgres:postgres "$PGDATA_DIR"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres --no-sync >"$WORK/initdb.log" 2>&1
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -w -t 30 -l "$PGDATA_DIR/server.log" \
    -o "-p $PGPORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt -c "create database indkoeb" >/dev/null
  JDBC="jdbc:postgresql://127.0.0.1:$PGPORT/indkoeb"
  log "PostgreSQL 15 on 127.0.0.1:$PGPORT ($PGDATA_DIR)"
}

sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d indkoeb -qAt -c "$1"; }

# The application's own KRaft broker class as a separate JVM (FaultBroker), same ports and log dir on restart.
KAFKA_PORT=""; KAFKA_CONTROLLER_PORT=""; BROKER_PID=""
start_broker() {
  if [ -z "$KAFKA_PORT" ]; then
    KAFKA_PORT=$(free_port); KAFKA_CONTROLLER_PORT=$(free_port)
  fi
  local logfile="$WORK/broker.$(date +%s).log"
  java -Xmx384m -cp "$CP" dk.indkoebsscreening.faults.FaultBroker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" \
    "$WORK/kafka-data" >"$logfile" 2>&1 &
  BROKER_PID=$!; PIDS+=("$BROKER_PID")
  for _ in $(seq 1 120); do
    grep -q "BROKER READY" "$logfile" && { log "Kafka broker pid $BROKER_PID on 127.0.0.1:$KAFKA_PORT"; return 0; }
    kill -0 "$BROKER_PID" 2>/dev/null || { log "broker died, see $logfile"; return 1; }
    sleep 0.5
  done
  log "broker not ready in 60 s"; return 1
}

# start_app NAME PORT: the built jar against the external PostgreSQL and broker (the demo's users, requests and
# SMTP server; its embedded PostgreSQL and Kafka switched off).
declare -A APP_PID
start_app() {
  local name=$1 port=$2
  local logfile="$WORK/app-$name.$(date +%s).log"
  java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --spring.profiles.active=demo --server.port="$port" \
    --indkoeb.embedded-postgres.enabled=false --indkoeb.embedded-kafka.enabled=false \
    --spring.datasource.url="$JDBC" --spring.datasource.username=postgres --spring.datasource.password= \
    --spring.datasource.hikari.data-source-properties.ApplicationName="app-$name" \
    --spring.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" >"$logfile" 2>&1 &
  APP_PID[$name]=$!; PIDS+=("${APP_PID[$name]}")
  for _ in $(seq 1 180); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health" || true)" = "200" ] \
       && grep -q "Started Indkoeb" "$logfile"; then
      log "app $name pid ${APP_PID[$name]} on 127.0.0.1:$port"; return 0
    fi
    kill -0 "${APP_PID[$name]}" 2>/dev/null || { log "app $name died, see $logfile"; return 1; }
    sleep 1
  done
  log "app $name not up in 180 s"; return 1
}

run_load() { java -Xmx256m -cp "$CP" dk.indkoebsscreening.faults.FaultLoad "$@" 2>"$WORK/load.err"; }

run_check() {
  java -Xmx256m -cp "$CP" dk.indkoebsscreening.faults.FaultCheck jdbc="$JDBC" user=postgres \
    bootstrap="127.0.0.1:$KAFKA_PORT" load="$WORK/load.txt" name="$SCENARIO" "$@" 2>"$WORK/check.err"
}

# probe NAME URL [curl args]: status, seconds and Retry-After of one request into $WORK/NAME.probe
# (000: no answer within 5 s).
probe() {
  local name=$1 url=$2; shift 2
  local out
  out=$(curl -s -o "$WORK/$name.body" -m 5 -D "$WORK/$name.headers" -w '%{http_code} %{time_total}s' "$@" \
    "http://127.0.0.1:$APP_PORT$url" || true)
  echo "$out$(grep -i '^retry-after:' "$WORK/$name.headers" 2>/dev/null | tr -d '\r' | sed 's/^/ /' || true)" >"$WORK/$name.probe"
}

# A requester's page, the JSON API and health, at the same time (a round takes at most 5 s): one line.
probe_round() {
  local pids=()
  probe page /anmodninger -u anna:demo -H 'Accept: text/html' & pids+=($!)
  probe api '/api/requests?mine=true' -u bent:demo & pids+=($!)
  probe health /actuator/health & pids+=($!)
  wait "${pids[@]}"
  echo "$(date +%T) page $(cat "$WORK/page.probe") | api $(cat "$WORK/api.probe") | health $(cat "$WORK/health.probe")"
}

# What the probes in FILE saw, per door: status counts and the slowest answer.
summarize_probes() {
  local file=$1 door
  for door in page api health; do
    echo "  $door: $(grep -oE "$door [0-9]{3}" "$file" | sort | uniq -c | awk '{printf "%s x %s; ", $3, $1}')slowest $(grep -oE "$door [0-9]{3} [0-9.]+s" "$file" | awk '{print $3}' | sort -n | tail -1)"
  done
}
