#!/usr/bin/env bash
# Load harness (issue 12): a throwaway PostgreSQL, the API published in Release and run as an operator runs
# it (Production, openssl certificates, migrate, bootstrap), a signed-in social worker, seeded data, and a
# floor (bench/CaseManagement.LoadFloor: one Npgsql SELECT by id). wrk (Debian's) loads both, alternating.
# Writes summary.md and summary.json to OUT. Run as root (PostgreSQL runs as user postgres via runuser).
#
#   bench/load/run.sh                                      everything, with the defaults below
#   SCENARIOS=read ROUNDS=1 DUR=10s bench/load/run.sh      a quick check
#   API_DIR=/tmp/api SCENARIOS="read write" bench/load/run.sh   reuse a published API (dotnet publish -c Release -o DIR)
#   SCENARIOS=pages bench/load/run.sh                      the web pages only (issue 13 item 8)
#
# Scenario pages (not in the default list): the social worker's own caseload of PAGES_CASES cases, opened through the
# API (seed_pages.py) and one of them with PAGES_SERVICES services and PAGES_NOTES notes; then signed in to the web
# pages as a browser is (password and code at /account/login, signin.py web) and the jar's cookies (the sign-in and
# antiforgery ones) sent by wrk as a Cookie header. Before measuring, one request per page is checked (200, the notes,
# services and caseload rows counted in the HTML) and PostgreSQL's statements for it logged to OUT/pages/. Then
# warm-ups and ROUNDS rounds at -cPAGES_CONNS, alternating: the case page /cases/{id}, GET /api/v1/cases/{id}/timeline
# and GET /api/v1/cases/{id} (its JSON reads, for context), the caseload page /caseload, GET /api/v1/me/caseload.
# lua/page.lua counts every answer other than 200 (a 302 to the sign-in page would otherwise pass as a fast success):
# any makes the run exit 1 (after the summary). The verdict against PAGES_GOAL_MS (p95) is in summary.md.
#
# Knobs (environment):
#   SCENARIOS="read write outage crash soak"  ROUNDS=3  DUR=20s  WARM=5s  CONNS="16 64"  N=500  CERT_BITS=3072
#   WRITE_CONNS="16 64"  SOAK_DUR=600s  SOAK_CONNS=8  SOAK_DELAY_MS=40  OUTAGE_SECS=20  PG_FSYNC=on  KEEP=0
#   OUT=bench/load/results/<timestamp>  API_DIR=  FLOOR_DIR=  PG_PORT=25431  API_HTTPS=25441  API_HTTP=25442  FLOOR_PORT=25443
#   PAGES_CONNS=8  PAGES_CASES=200  PAGES_NOTES=50  PAGES_SERVICES=10  PAGES_GOAL_MS=150
#   PAGES_EXTRA="NAME=PATH ..."  more pages measured in the same alternation, after the case page ({case} in PATH stands
#              for the big case's id): an A/B of a variant page that a build of the API (API_DIR) serves beside the real one
#   API_ENV="NAME=VALUE ..."  extra environment for the API process (e.g. DOTNET_gcServer=0), recorded in the summary
#   PROFILE=0  1: after the scenarios, a 20-s dotnet-trace CPU sample of the API under GET case at -c16 (not counted in the
#              figures); top 30 frames, inclusive and exclusive, in OUT/profile/. The tools are installed, if missing, into
#              TOOLS=/opt/casemgmt-tools (dotnet tool install --tool-path, version TRACE_VERSION=10.0.750501), outside the repo.
#              dotnet-trace samples thread time (waiting threads too); so, where perf exists, a second 20-s sample with
#              `perf record -e cpu-clock` gives on-CPU time by library and symbol (the API then runs with
#              DOTNET_PerfMapEnabled=1 for the JIT's symbols: run PROFILE=1 apart from the runs whose figures you keep).
#              PROFILE_LOAD=write profiles POST /api/v1/beneficiaries at -c16 instead; PROFILE_LOAD=page (with SCENARIOS
#              including pages) the case page /cases/{id} at -cPAGES_CONNS, with the browser's cookies.
# KEEP=1 keeps the work directory (logs, database, certificates) and leaves nothing running.
set -uo pipefail
{ # Read whole before it runs: bash otherwise reads a script as it goes, and a checkout during a run would change it.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/load

SCENARIOS=${SCENARIOS:-"read write outage crash soak"}
ROUNDS=${ROUNDS:-3}; DUR=${DUR:-20s}; WARM=${WARM:-5s}; CONNS=${CONNS:-"16 64"}; WRITE_CONNS=${WRITE_CONNS:-$CONNS}
N=${N:-500}; CERT_BITS=${CERT_BITS:-3072}; PG_FSYNC=${PG_FSYNC:-on}; KEEP=${KEEP:-0}
SOAK_DUR=${SOAK_DUR:-600s}; SOAK_CONNS=${SOAK_CONNS:-8}; SOAK_DELAY_MS=${SOAK_DELAY_MS:-40}; OUTAGE_SECS=${OUTAGE_SECS:-20}
# Below the ephemeral range (32768-60999 here): a client that keeps connecting to a port in that range while nothing
# listens (wrk after the crash's SIGKILL, Npgsql during the outage) can connect to itself and then hold the port.
PG_PORT=${PG_PORT:-25431}; API_HTTPS=${API_HTTPS:-25441}; API_HTTP=${API_HTTP:-25442}; FLOOR_PORT=${FLOOR_PORT:-25443}
API_DIR=${API_DIR:-}; FLOOR_DIR=${FLOOR_DIR:-}; API_ENV=${API_ENV:-}
PAGES_CONNS=${PAGES_CONNS:-8}; PAGES_CASES=${PAGES_CASES:-200}; PAGES_NOTES=${PAGES_NOTES:-50}; PAGES_SERVICES=${PAGES_SERVICES:-10}
PAGES_GOAL_MS=${PAGES_GOAL_MS:-150}; PAGES_EXTRA=${PAGES_EXTRA:-}; FAILED_CHECKS=""
PROFILE=${PROFILE:-0}; PROFILE_LOAD=${PROFILE_LOAD:-read}; TOOLS=${TOOLS:-/opt/casemgmt-tools}; TRACE_VERSION=${TRACE_VERSION:-10.0.750501}
OUT=${OUT:-$HERE/results/$(date +%Y%m%d-%H%M%S)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$OUT/wrk" && OUT=$(cd "$OUT" && pwd) || { echo "load: cannot create $OUT"; exit 1; }
log() { echo "load: $*" | tee -a "$OUT/run.log"; }
die() { log "FAILED: $*"; exit 1; }

# ---- what this run started, and nothing else, is stopped on exit ----
W=$(mktemp -d /tmp/casemgmt-load.XXXXXX)
chmod 711 "$W" # postgres traverses it to its own directory; nobody else lists it (the bootstrap log holds an invitation link)
API_PID=""; FLOOR_PID=""; PG_STARTED=0; BACKGROUND=(); PERF_MAPS=()
PG_BIN=/usr/lib/postgresql/15/bin
pg_ctl() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$W/pg/data" "$@"; }
stop_pid() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && { kill "$1" 2>/dev/null; for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done; kill -KILL "$1" 2>/dev/null; }; return 0; }
cleanup() {
  local status=$?
  for pid in "${BACKGROUND[@]}"; do stop_pid "$pid"; done
  stop_pid "$API_PID"; stop_pid "$FLOOR_PID"
  # The JIT's symbol maps go with the work directory when it is kept (copy them back to /tmp to run perf report on perf.data).
  for pid in "${PERF_MAPS[@]}"; do
    if [ "$KEEP" = 1 ]; then mv -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map" "$W/" 2>/dev/null; else rm -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"; fi
  done
  [ "$PG_STARTED" = 1 ] && pg_ctl -m fast stop >/dev/null 2>&1
  [ -f "$W/api.log" ] && tail -n 300 "$W/api.log" >"$OUT/api-tail.log"
  if [ "$KEEP" = 1 ]; then echo "load: work directory kept: $W"; else rm -rf "$W"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools ----
command -v wrk >/dev/null || { log "installing wrk from Debian"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || die "apt-get install wrk failed"; }
command -v openssl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null || die "apt-get install openssl failed"; }
command -v pgrep >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq procps >/dev/null || die "apt-get install procps failed"; }
[ -x "$PG_BIN/initdb" ] || { log "installing PostgreSQL 15 from Debian"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null || die "no PostgreSQL 15 in $PG_BIN"; }
for port in $PG_PORT $API_HTTPS $API_HTTP $FLOOR_PORT; do
  ss -Htln | awk '{print $4}' | grep -qE "[:.]$port\$" && die "port $port is in use (set PG_PORT/API_HTTPS/API_HTTP/FLOOR_PORT)"
  read -r low high </proc/sys/net/ipv4/ip_local_port_range
  [ "$port" -ge "$low" ] && [ "$port" -le "$high" ] && log "warning: port $port is in the ephemeral range $low-$high; the fault scenarios may find it held by a self-connected socket"
done
CLK_TCK=$(getconf CLK_TCK)
DOTNET_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")"); export DOTNET_ROOT

# ---- 1. PostgreSQL 15, its own port and directory ----
mkdir -p "$W/pg" && chown postgres:postgres "$W/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$W/pg/data" -U postgres -A trust >/dev/null || die "initdb failed"
# In postgresql.conf, so that the outage scenario's plain `pg_ctl start` comes back the same. fsync on: durability is measured.
cat >>"$W/pg/data/postgresql.conf" <<EOF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$W/pg'
max_connections = 300
fsync = $PG_FSYNC
EOF
pg_ctl -l "$W/pg/log" -w start >/dev/null || { cat "$W/pg/log"; die "PostgreSQL did not start"; }
PG_STARTED=1
psql_admin() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "${DB:-casemgmt_load}" -v ON_ERROR_STOP=1 -Atq "$@"; }
DB=postgres psql_admin -c 'CREATE DATABASE casemgmt_load' || die "CREATE DATABASE failed"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (fsync=$PG_FSYNC), work directory $W"

# ---- 2. publish (unless given) ----
if [ -z "$API_DIR" ]; then
  log "publishing the API (Release)"
  dotnet publish "$ROOT/src/CaseManagement.Api/CaseManagement.Api.csproj" -c Release -o "$W/api" -nologo -v q >"$W/publish-api.log" 2>&1 || { cat "$W/publish-api.log"; die "dotnet publish of the API failed"; }
  API_DIR=$W/api
fi
if [ -z "$FLOOR_DIR" ]; then
  dotnet publish "$ROOT/bench/CaseManagement.LoadFloor/CaseManagement.LoadFloor.csproj" -c Release -o "$W/floor" -nologo -v q >"$W/publish-floor.log" 2>&1 || { cat "$W/publish-floor.log"; die "dotnet publish of the floor failed"; }
  FLOOR_DIR=$W/floor
fi
[ -x "$API_DIR/CaseManagement.Api" ] || die "no CaseManagement.Api in $API_DIR"
[ -x "$FLOOR_DIR/CaseManagement.LoadFloor" ] || die "no CaseManagement.LoadFloor in $FLOOR_DIR"

# ---- 3. certificates, as docs/operations.md tells an operator ----
certificate() { # purpose extension
  openssl req -x509 -newkey "rsa:$CERT_BITS" -nodes -keyout "$W/$1.key" -out "$W/$1.crt" -days 30 -subj "/CN=CaseManagement $1" -addext "$2" 2>/dev/null \
    && openssl pkcs12 -export -inkey "$W/$1.key" -in "$W/$1.crt" -out "$W/$1.pfx" -passout "pass:$1-password" || die "openssl ($1) failed"
}
certificate signing "keyUsage=critical,digitalSignature"
certificate tls "subjectAltName=DNS:localhost"
log "certificates: RSA $CERT_BITS bits"

# ---- 4. the environment of every verb and of the server ----
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=casemgmt_load"
umask 077
setting() { printf '%s=%q\n' "$1" "$2" >>"$W/env"; }
: >"$W/env"
setting ASPNETCORE_ENVIRONMENT Production
setting DOTNET_ENVIRONMENT Production
setting DOTNET_ROOT "$DOTNET_ROOT"
setting Database__Provider PostgreSql
setting ConnectionStrings__CaseManagement "$CONNECTION"
setting Encryption__MasterKey "$(openssl rand -base64 32)"
setting Identity__Issuer "https://localhost:$API_HTTPS/"
setting AllowedHosts localhost
setting Identity__SigningCertificate__Path "$W/signing.pfx"
setting Identity__SigningCertificate__Password signing-password
setting Identity__Clients__0__ClientId bench-web
setting Identity__Clients__0__DisplayName "Load harness"
setting Identity__Clients__0__RedirectUris__0 http://localhost/callback
# https for the sign-in (the /connect endpoints require it outside Development), plain http for the load, as behind a TLS proxy.
setting ASPNETCORE_URLS "https://localhost:$API_HTTPS;http://localhost:$API_HTTP"
setting Kestrel__Certificates__Default__Path "$W/tls.pfx"
setting Kestrel__Certificates__Default__Password tls-password
# perf names JIT-compiled frames from the runtime's perf map, which W^X double mapping hides (memfd:doublemapper).
[ "$PROFILE" = 1 ] && setting DOTNET_PerfMapEnabled 1 && setting DOTNET_EnableWriteXorExecute 0
for pair in $API_ENV; do setting "${pair%%=*}" "${pair#*=}"; done
umask 022
# From its own directory, as the image's WORKDIR does: appsettings.json (log levels among others) is read from there.
api_verb() { ( set -a; . "$W/env"; cd "$API_DIR" && exec "$API_DIR/CaseManagement.Api" "$@" ); }

# ---- 5. migrate, bootstrap ----
api_verb migrate >"$W/migrate.log" 2>&1 || { cat "$W/migrate.log"; die "migrate failed"; }
api_verb bootstrap first.admin >"$W/bootstrap.log" 2>&1 || { cat "$W/bootstrap.log"; die "bootstrap failed"; }
LINK=$(grep -oE 'https://\S+/account/invitation#[A-Za-z0-9_-]{43}' "$W/bootstrap.log" | head -n 1)
[ -n "$LINK" ] || { cat "$W/bootstrap.log"; die "no invitation link in bootstrap's output"; }

# ---- 6. serve ----
log_size() { stat -c %s "$W/api.log" 2>/dev/null || echo 0; }
start_api() {
  local attempt from
  for attempt in 1 2 3 4 5 6; do
    from=$(log_size)
    ( set -a; . "$W/env"; cd "$API_DIR" && exec "$API_DIR/CaseManagement.Api" ) >>"$W/api.log" 2>&1 &
    API_PID=$!; PERF_MAPS+=("$API_PID")
    for _ in $(seq 240); do
      if ! kill -0 "$API_PID" 2>/dev/null; then
        wait "$API_PID" 2>/dev/null; API_PID=""
        # Right after a SIGKILL the old sockets can hold the port for a moment: say what holds it, and try again.
        if tail -c +"$((from + 1))" "$W/api.log" | grep -q 'address already in use'; then
          ss -tanp | grep -E ":($API_HTTPS|$API_HTTP)\b" >"$OUT/ports-at-start-$attempt.txt"
          log "the API could not bind its ports (attempt $attempt, $(wc -l <"$OUT/ports-at-start-$attempt.txt") sockets on them); again in 5 s"
          sleep 5; continue 2
        fi
        tail -n 50 "$W/api.log"; die "the API exited at start"
      fi
      [ "$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$API_HTTPS/health/ready")" = 200 ] && return 0
      sleep 0.5
    done
    die "the API was not ready within 120 s"
  done
  die "the API could not bind its ports"
}
start_api
log "API pid $API_PID: https://localhost:$API_HTTPS (sign-in), http://localhost:$API_HTTP"

# ---- 7. sign in and seed ----
CA=$W/tls.crt
python3 "$HERE/seed.py" "https://localhost:$API_HTTPS" "http://localhost:$API_HTTP" "$CA" "$LINK" "$N" "$W" 2>&1 | tee -a "$OUT/run.log"
[ "${PIPESTATUS[0]}" = 0 ] || die "seeding failed"
LOAD_BASE=$(cat "$W/load.base"); ORG=$(cat "$W/org.id")
has() { [[ " $SCENARIOS " == *" $1 "* ]]; }
if has pages; then
  python3 "$HERE/seed_pages.py" "https://localhost:$API_HTTPS" "$LOAD_BASE" "$CA" "$W" "$PAGES_CASES" "$PAGES_NOTES" "$PAGES_SERVICES" 2>&1 | tee -a "$OUT/run.log"
  [ "${PIPESTATUS[0]}" = 0 ] || die "seeding the pages' data failed"
fi
refresh() { TOKEN=$(python3 "$HERE/signin.py" refresh "https://localhost:$API_HTTPS" "$CA" "$W/worker.json") || die "token refresh failed"; }

# ---- 8. the floor ----
( ConnectionStrings__Floor="$CONNECTION" ASPNETCORE_URLS="http://localhost:$FLOOR_PORT" DOTNET_ROOT=$DOTNET_ROOT exec "$FLOOR_DIR/CaseManagement.LoadFloor" ) >"$W/floor.log" 2>&1 &
FLOOR_PID=$!
for _ in $(seq 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$FLOOR_PORT/floor/health")" = 200 ] && break; sleep 0.5; done
kill -0 "$FLOOR_PID" 2>/dev/null || { cat "$W/floor.log"; die "the floor did not start"; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$FLOOR_PORT/floor/cases/$(head -n 1 "$W/cases.ids")")" = 200 ] || die "the floor does not serve a seeded case"
log "floor pid $FLOOR_PID: http://localhost:$FLOOR_PORT; load goes to $LOAD_BASE"

cat >"$OUT/meta.json" <<EOF
{"started":"$(date -Is)","commit":"$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)","dirty":$([ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ] && echo true || echo false),
 "scenarios":"$SCENARIOS","rounds":$ROUNDS,"dur":"$DUR","warm":"$WARM","conns":"$CONNS","write_conns":"$WRITE_CONNS","n":$N,"cert_bits":$CERT_BITS,
 "pg_fsync":"$PG_FSYNC","load_base":"$LOAD_BASE","api_dir":"$API_DIR","api_env":"$API_ENV","clk_tck":$CLK_TCK,"cores":$(nproc),
 "loadavg_start":"$(cut -d' ' -f1-3 /proc/loadavg)",
 "wrk":"$(wrk -v 2>&1 | head -n 1 | awk '{print $2}')","soak_dur":"$SOAK_DUR","soak_conns":$SOAK_CONNS,"soak_delay_ms":$SOAK_DELAY_MS,"outage_secs":$OUTAGE_SECS,
 "pages_conns":$PAGES_CONNS,"pages_cases":$PAGES_CASES,"pages_notes":$PAGES_NOTES,"pages_services":$PAGES_SERVICES,"pages_goal_ms":$PAGES_GOAL_MS,
 "pg_settings":"$(psql_admin -F= -c "SELECT name, current_setting(name) FROM pg_settings WHERE name IN ('shared_buffers','work_mem','effective_cache_size','fsync','synchronous_commit','max_connections','random_page_cost') ORDER BY name" | tr '\n' ' ' | sed 's/ $//')"}
EOF

# ---- measurement ----
ticks() { [ -r "/proc/$1/stat" ] && sed 's/.*) //' "/proc/$1/stat" | awk '{print $12+$13}' || echo 0; }
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# The whole cluster's CPU: the postmaster with the children it has reaped (cutime+cstime: a backend or autovacuum
# worker that ends keeps counting) and the children still running (backends, WAL writer, checkpointer).
db_ticks() {
  local pm t p; pm=$(head -n 1 "$W/pg/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  t=$(sed 's/.*) //' "/proc/$pm/stat" 2>/dev/null | awk '{print $12+$13+$14+$15}'); t=${t:-0}
  for p in $(pgrep -P "$pm"); do t=$((t + $(ticks "$p"))); done
  echo "$t"
}
audit_count() { psql_admin -c "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\"='$1' AND \"EntityType\"='$2' AND \"Outcome\"='Success'" 2>/dev/null || echo null; }
# Every audit entry of any action (the pages: one page view sends several audited reads).
audit_all() { psql_admin -c 'SELECT count(*) FROM "AuditEntries"' 2>/dev/null || echo null; }
wrkjson() { local line; line=$(grep -m1 '^WRKJSON ' "$1" | cut -c9-); echo "${line:-null}"; }
# Lines of the API log written since byte offset $1 that match $2.
log_lines() { tail -c +"$(($1 + 1))" "$W/api.log" | grep -cE "$2"; }

# run_wrk SCENARIO TARGET ENDPOINT CONNS ROUND DURATION SCRIPT URL [VAR=VALUE ...]: one wrk run, one line in runs.jsonl.
run_wrk() {
  local scenario=$1 target=$2 endpoint=$3 conns=$4 round=$5 duration=$6 script=$7 url=$8; shift 8
  local name="$scenario-$target-$endpoint-c$conns-r$round" action="" entity=""
  case "$scenario/$endpoint" in
    read/case) action=Read; entity=Case ;; read/beneficiary) action=Read; entity=Beneficiary ;;
    write/register) action=Create; entity=Beneficiary ;;
    pages/*) action=any ;;
  esac
  local audit0=null audit1=null
  [ "$action" = any ] && audit0=$(audit_all)
  [ "$target" = api ] && [ -n "$action" ] && [ "$action" != any ] && audit0=$(audit_count "$action" "$entity")
  local api0 floor0 db0 log0 start
  api0=$(ticks "$API_PID"); floor0=$(ticks "$FLOOR_PID"); db0=$(db_ticks); log0=$(log_size); start=$(date +%s.%N)
  env "$@" wrk -t"$((conns < 2 ? conns : 2))" -c"$conns" -d"$duration" --timeout 10s --latency -s "$HERE/lua/$script" "$url" >"$OUT/wrk/$name.txt" 2>&1
  local api1 floor1 db1 log1 end
  api1=$(ticks "$API_PID"); floor1=$(ticks "$FLOOR_PID"); db1=$(db_ticks); log1=$(log_size); end=$(date +%s.%N)
  [ "$action" = any ] && audit1=$(audit_all)
  [ "$target" = api ] && [ -n "$action" ] && [ "$action" != any ] && audit1=$(audit_count "$action" "$entity")
  local result; result=$(grep -m1 '^WRKJSON ' "$OUT/wrk/$name.txt" | cut -c9-)
  [ -n "$result" ] || { cat "$OUT/wrk/$name.txt"; die "wrk printed no result for $name"; }
  local errors=0; [ "$target" = api ] || [ "$target" = web ] && errors=$(log_lines "$log0" '^(fail|crit):')
  local delta=null; [ "$audit0" != null ] && [ "$audit1" != null ] && delta=$((audit1 - audit0))
  printf '{"scenario":"%s","target":"%s","endpoint":"%s","conns":%s,"round":%s,"wall_s":%s,"wrk":%s,"api_ticks":%s,"floor_ticks":%s,"db_ticks":%s,"api_rss_kb":%s,"floor_rss_kb":%s,"audit_delta":%s,"log_bytes":%s,"log_errors":%s,"loadavg":%s}\n' \
    "$scenario" "$target" "$endpoint" "$conns" "$round" "$(awk "BEGIN{print $end - $start}")" "$result" "$((api1 - api0))" "$((floor1 - floor0))" "$((db1 - db0))" \
    "$(rss_kb "$API_PID")" "$(rss_kb "$FLOOR_PID")" "$delta" "$((log1 - log0))" "$errors" "$(cut -d' ' -f1 /proc/loadavg)" >>"$OUT/runs.jsonl"
  log "$name: $(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print("%.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, non-2xx %d, socket errors %d%s" % (r["requests"]/(r["duration_us"]/1e6), r["p50"]/1e3, r["p95"]/1e3, r["p99"]/1e3, r["status_err"], r["connect"]+r["read"]+r["write"]+r["timeout"], ", non-200 %d %s, short %d" % (r["non200"], r["statuses"], r["short"]) if "non200" in r else ""))' "$result"), load $(cut -d' ' -f1-3 /proc/loadavg)"
}
api_get() { refresh; run_wrk read api "$1" "$2" "$3" "$4" get.lua "$LOAD_BASE" TOKEN="$TOKEN" IDS="$W/$5.ids" PREFIX="/api/v1/$5/"; }
floor_get() { run_wrk read floor "$1" "$2" "$3" "$4" get.lua "http://localhost:$FLOOR_PORT" TOKEN= IDS="$W/$5.ids" PREFIX="/floor/$5/"; }

# ---- 9. reads: API and floor alternating, the same ids, ROUNDS rounds per connection count ----
if has read; then
  for c in $CONNS; do
    api_get case "$c" 0 "$WARM" cases; floor_get case "$c" 0 "$WARM" cases
    api_get beneficiary "$c" 0 "$WARM" beneficiaries; floor_get beneficiary "$c" 0 "$WARM" beneficiaries
    for r in $(seq "$ROUNDS"); do
      api_get case "$c" "$r" "$DUR" cases; floor_get case "$c" "$r" "$DUR" cases
      api_get beneficiary "$c" "$r" "$DUR" beneficiaries; floor_get beneficiary "$c" "$r" "$DUR" beneficiaries
    done
  done
fi

# ---- 10. writes: registering a beneficiary ----
if has write; then
  for c in $WRITE_CONNS; do
    for r in $(seq 0 "$ROUNDS"); do
      refresh
      run_wrk write api register "$c" "$r" "$([ "$r" = 0 ] && echo "$WARM" || echo "$DUR")" register.lua "$LOAD_BASE" TOKEN="$TOKEN" RUN_TAG="c${c}r$r$(date +%s)"
    done
  done
fi

# Loads the ids in the files $1.* into temp table acked and prints "acked missing without_audit".
check_acked() {
  cat "$1".[0-9]* 2>/dev/null | sort -u >"$1.all"
  psql_admin <<EOF
CREATE TEMP TABLE acked(id uuid PRIMARY KEY);
\copy acked FROM '$1.all'
SELECT (SELECT count(*) FROM acked),
       (SELECT count(*) FROM acked a LEFT JOIN "Beneficiaries" b ON b."Id" = a.id WHERE b."Id" IS NULL),
       (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM "AuditEntries" e WHERE e."EntityId" = a.id AND e."Action" = 'Create' AND e."EntityType" = 'Beneficiary' AND e."Outcome" = 'Success'));
EOF
}

# ---- 10b. pages: the web pages (Blazor static SSR) as a signed-in browser gets them, and their JSON reads beside ----
if has pages; then
  mkdir -p "$OUT/pages"
  BIG=$(cat "$W/pages.case")
  # A browser's session: the sign-in cookie and the antiforgery cookie a first page view sets (without it each view would set a new one).
  python3 "$HERE/signin.py" web "https://localhost:$API_HTTPS" "$CA" "$W/worker.json" "$W/pages.cookie" /caseload "/cases/$BIG" 2>&1 | tee -a "$OUT/run.log"
  [ "${PIPESTATUS[0]}" = 0 ] || die "web sign-in failed"
  COOKIE=$(cat "$W/pages.cookie")
  # One request of each, read whole: a 200 with the expected content, not a redirect to the sign-in page.
  page_check() { # name path -> OUT/pages/<name>.html, prints "status bytes"
    curl -s -o "$OUT/pages/$1.html" -w '%{http_code} %{size_download}' -H "Cookie: $COOKIE" "$LOAD_BASE$2"
  }
  read -r case_status case_bytes < <(page_check case "/cases/$BIG")
  read -r load_status load_bytes < <(page_check caseload /caseload)
  notes_seen=$(grep -o '<p class="note">' "$OUT/pages/case.html" | wc -l)
  services_seen=$(grep -o '<tr><td>' "$OUT/pages/case.html" | wc -l)
  caseload_seen=$(grep -o '<tr><td><a href="/cases/' "$OUT/pages/caseload.html" | wc -l)
  log "pages: /cases/$BIG $case_status, $case_bytes bytes, $notes_seen notes, $services_seen services; /caseload $load_status, $load_bytes bytes, $caseload_seen cases"
  [ "$case_status" = 200 ] && [ "$notes_seen" = "$PAGES_NOTES" ] && [ "$services_seen" = "$PAGES_SERVICES" ] || die "the case page is not what was seeded (see $OUT/pages/case.html)"
  [ "$load_status" = 200 ] && [ "$caseload_seen" = "$PAGES_CASES" ] || die "the caseload page is not what was seeded (see $OUT/pages/caseload.html)"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$LOAD_BASE/caseload")" = 302 ] || log "warning: /caseload without the cookie did not answer 302"
  # PostgreSQL's statements for one view of each page (log_statement=all for the moment; the log also holds whatever
  # else ran meanwhile, Hangfire's polling included, so a quiet window of the same length is logged too, for contrast).
  statements() { # name path-or-empty
    local from; from=$(stat -c %s "$W/pg/log")
    psql_admin -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null; sleep 0.5
    [ -n "$2" ] && curl -s -o /dev/null -H "Cookie: $COOKIE" "$LOAD_BASE$2"
    sleep 1.5 # the audit writer's batch
    psql_admin -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
    tail -c +"$((from + 1))" "$W/pg/log" >"$OUT/pages/statements-$1.log"
    # By kind: the page's reads, its audit appends (head row, entries, savepoints), the pool's reset on each reuse of a
    # connection, transaction control, and Hangfire's own (its polling and locks, not the page's).
    python3 - "$OUT/pages/statements-$1.log" <<'PY'
import json, re, sys
kinds = {"reads": 0, "audit": 0, "resets": 0, "begin_commit": 0, "hangfire": 0, "other": 0}
entries, current = [], None
for line in open(sys.argv[1]):
    if line.startswith(("\t", " ")) and current is not None:
        current += " " + line.strip()
        continue
    if current is not None: entries.append(current)
    match = re.search(r"LOG:  (?:statement|execute [^:]*): (.*)", line)
    current = match.group(1).strip() if match and "log_statement" not in line and "pg_reload_conf" not in line else None
if current is not None: entries.append(current)
for text in entries:
    if "hangfire" in text.lower(): kinds["hangfire"] += 1
    elif text.startswith("SET SESSION AUTHORIZATION DEFAULT"): kinds["resets"] += 1
    elif re.match(r"(BEGIN|COMMIT|ROLLBACK)", text): kinds["begin_commit"] += 1
    elif re.search(r"AuditChainHeads|AuditEntries|SAVEPOINT", text): kinds["audit"] += 1
    elif text.startswith("SELECT"): kinds["reads"] += 1
    else: kinds["other"] += 1
kinds["all"] = sum(kinds.values())
print(json.dumps(kinds, separators=(",", ":")))
PY
  }
  st_case=$(statements case "/cases/$BIG"); st_load=$(statements caseload /caseload); st_idle=$(statements idle "")
  log "pages: PostgreSQL statements for one view: case page $st_case; caseload page $st_load; an idle window of the same length $st_idle"
  case_min=$((case_bytes * 9 / 10)); load_min=$((load_bytes * 9 / 10))
  web_page() { run_wrk pages web "$1" "$PAGES_CONNS" "$2" "$3" page.lua "$LOAD_BASE" TARGET="$4" COOKIE="$COOKIE" TOKEN= MIN_BYTES="$5"; }
  api_page() { refresh; run_wrk pages api "$1" "$PAGES_CONNS" "$2" "$3" page.lua "$LOAD_BASE" TARGET="$4" COOKIE= TOKEN="$TOKEN" MIN_BYTES=2; }
  for extra in $PAGES_EXTRA; do
    path=${extra#*=}; path=${path//\{case\}/$BIG}
    read -r status bytes < <(page_check "${extra%%=*}" "$path")
    log "pages: extra page ${extra%%=*} $path: $status, $bytes bytes, $(grep -o '<p class="note">' "$OUT/pages/${extra%%=*}.html" | wc -l) notes"
    [ "$status" = 200 ] || die "the extra page ${extra%%=*} answers $status"
  done
  pages_round() { # round duration
    web_page case "$1" "$2" "/cases/$BIG" "$case_min"
    for extra in $PAGES_EXTRA; do path=${extra#*=}; web_page "${extra%%=*}" "$1" "$2" "${path//\{case\}/$BIG}" "$case_min"; done
    api_page timeline "$1" "$2" "/api/v1/cases/$BIG/timeline"
    api_page case "$1" "$2" "/api/v1/cases/$BIG"
    web_page caseload "$1" "$2" /caseload "$load_min"
    api_page caseload "$1" "$2" /api/v1/me/caseload
  }
  pages_round 0 "$WARM"
  for r in $(seq "$ROUNDS"); do pages_round "$r" "$DUR"; done
  # The session held through the run (page views renew it at most once a minute; the idle time is 15 minutes).
  after=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$LOAD_BASE/caseload")
  bad=$(grep '"scenario":"pages"' "$OUT/runs.jsonl" | python3 -c 'import json,sys; print(sum(json.loads(l)["wrk"]["non200"] + json.loads(l)["wrk"]["short"] for l in sys.stdin))')
  cat >"$OUT/pages/result.json" <<JSON
{"case_id":"$BIG","case_bytes":$case_bytes,"caseload_bytes":$load_bytes,"notes_seen":$notes_seen,"services_seen":$services_seen,"caseload_seen":$caseload_seen,
 "statements_case":$st_case,"statements_caseload":$st_load,"statements_idle":$st_idle,"session_after":$after,"non200_or_short":$bad}
JSON
  log "pages: the session after the runs: $after; answers other than a full 200 over all runs: $bad"
  [ "$bad" = 0 ] && [ "$after" = 200 ] || FAILED_CHECKS="$FAILED_CHECKS pages"
fi

# ---- 11. outage: PostgreSQL stopped for OUTAGE_SECS during reads and writes ----
if has outage; then
  mkdir -p "$OUT/outage"
  refresh
  reads0=$(audit_count Read Case); log0=$(log_size); t0=$(date +%s)
  # Writes and reads together, 8 connections each; both record a per-second status timeline.
  TOKEN=$TOKEN ACK_FILE="$OUT/outage/acks" RUN_TAG="outage$t0" \
    wrk -t1 -c8 -d60s --timeout 10s -s "$HERE/lua/register.lua" "$LOAD_BASE" >"$OUT/outage/register.txt" 2>&1 & BACKGROUND+=($!); register_wrk=$!
  TOKEN=$TOKEN TIMELINE="$OUT/outage/get.timeline" IDS="$W/cases.ids" PREFIX=/api/v1/cases/ \
    wrk -t1 -c8 -d60s --timeout 10s -s "$HERE/lua/get.lua" "$LOAD_BASE" >"$OUT/outage/get.txt" 2>&1 & BACKGROUND+=($!); get_wrk=$!
  sleep 10
  t_stop=$(date +%s.%N); pg_ctl -m fast stop >/dev/null 2>&1; log "outage: PostgreSQL stopped"
  sleep "$OUTAGE_SECS"
  t_start=$(date +%s.%N); pg_ctl -l "$W/pg/log" -w start >/dev/null || die "PostgreSQL did not come back"; log "outage: PostgreSQL started again"
  wait "$register_wrk" "$get_wrk"
  api_alive=$(kill -0 "$API_PID" 2>/dev/null && echo true || echo false)
  reads1=$(audit_count Read Case)
  read -r acked missing unaudited < <(check_acked "$OUT/outage/acks" | tail -n 1 | tr '|' ' ')
  ready_after=$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$API_HTTPS/health/ready")
  cat >"$OUT/outage/result.json" <<EOF
{"t0":$t0,"t_stop":$t_stop,"t_start":$t_start,"api_alive":$api_alive,"ready_after":$ready_after,
 "register":$(wrkjson "$OUT/outage/register.txt"),"get":$(wrkjson "$OUT/outage/get.txt"),
 "acked":${acked:-null},"acked_missing":${missing:-null},"acked_without_audit":${unaudited:-null},"read_audit_delta":$((reads1 - reads0)),
 "log_bytes":$(($(log_size) - log0)),"log_errors":$(log_lines "$log0" '^(fail|crit):'),"log_hangfire":$(log_lines "$log0" 'Hangfire')}
EOF
  log "outage: acked $acked, missing $missing, API alive $api_alive, ready $ready_after"
  [ "$api_alive" = true ] || start_api
fi

# ---- 12. crash: SIGKILL the API during writes, restart, every acknowledged write must be there ----
if has crash; then
  mkdir -p "$OUT/crash"
  refresh
  t0=$(date +%s)
  TOKEN=$TOKEN ACK_FILE="$OUT/crash/acks" RUN_TAG="crash$t0" \
    wrk -t2 -c16 -d30s --timeout 10s -s "$HERE/lua/register.lua" "$LOAD_BASE" >"$OUT/crash/register.txt" 2>&1 & BACKGROUND+=($!); crash_wrk=$!
  sleep 10
  killed=$API_PID; t_kill=$(date +%s.%N); kill -KILL "$killed"; wait "$killed" 2>/dev/null; API_PID=""
  log "crash: API pid $killed killed"
  wait "$crash_wrk"
  t_restart=$(date +%s.%N); start_api; t_ready=$(date +%s.%N)
  read -r acked missing unaudited < <(check_acked "$OUT/crash/acks" | tail -n 1 | tr '|' ' ')
  verify=$(api_verb verify-audit "$ORG" 2>&1 | tail -n 1)
  cat >"$OUT/crash/result.json" <<EOF
{"t0":$t0,"t_kill":$t_kill,"t_restart":$t_restart,"t_ready":$t_ready,"register":$(wrkjson "$OUT/crash/register.txt"),
 "acked":${acked:-null},"acked_missing":${missing:-null},"acked_without_audit":${unaudited:-null},"verify_audit":"$verify"}
EOF
  log "crash: acked $acked, missing $missing, without audit $unaudited, restart to ready $(awk "BEGIN{print $t_ready - $t_restart}") s, verify-audit: $verify"
fi

# ---- 13. soak: a steady mixed rate, RSS sampled every 60 s ----
if has soak; then
  mkdir -p "$OUT/soak"
  total=$(echo "$SOAK_DUR" | sed 's/s$//'); segment=600
  sample() { echo "$(date +%s),$(rss_kb "$API_PID"),$(ticks "$API_PID")" >>"$OUT/soak/rss.csv"; }
  echo "epoch,rss_kb,cpu_ticks" >"$OUT/soak/rss.csv"; sample
  ( while sleep 60; do sample; done ) & BACKGROUND+=($!); sampler=$!
  left=$total; part=0
  while [ "$left" -gt 0 ]; do
    # Access tokens live 15 minutes: a fresh one for each segment of at most 10.
    part=$((part + 1)); this=$((left < segment ? left : segment)); left=$((left - this))
    refresh
    run_wrk soak api mixed "$SOAK_CONNS" "$part" "${this}s" mixed.lua "$LOAD_BASE" TOKEN="$TOKEN" IDS="$W/cases.ids" \
      DELAY_MS="$SOAK_DELAY_MS" TIMELINE="$OUT/soak/timeline" RUN_TAG="soak$part$(date +%s)"
  done
  stop_pid "$sampler"; sample
fi

# ---- 14. profile: where the API's CPU goes under GET case at -c16 ----
if [ "$PROFILE" = 1 ]; then
  mkdir -p "$OUT/profile"
  for tool in dotnet-trace dotnet-counters; do
    [ -x "$TOOLS/$tool" ] || dotnet tool install --tool-path "$TOOLS" "$tool" --version "$TRACE_VERSION" >/dev/null || die "could not install $tool"
  done
  # The profiled load: GET case, or registrations.
  profile_load() { # seconds output
    refresh
    if [ "$PROFILE_LOAD" = page ]; then
      TARGET="/cases/$BIG" COOKIE="$COOKIE" wrk -t2 -c"$PAGES_CONNS" -d"$1"s --timeout 10s -s "$HERE/lua/page.lua" "$LOAD_BASE" >"$2" 2>&1 &
    elif [ "$PROFILE_LOAD" = write ]; then
      TOKEN=$TOKEN RUN_TAG="profile$(date +%s%N)" wrk -t2 -c16 -d"$1"s --timeout 10s -s "$HERE/lua/register.lua" "$LOAD_BASE" >"$2" 2>&1 &
    else
      TOKEN=$TOKEN IDS="$W/cases.ids" PREFIX=/api/v1/cases/ wrk -t2 -c16 -d"$1"s --timeout 10s -s "$HERE/lua/get.lua" "$LOAD_BASE" >"$2" 2>&1 &
    fi
    profile_wrk=$!; BACKGROUND+=("$profile_wrk")
  }
  profile_load 30 "$OUT/profile/wrk.txt"
  sleep 3
  # No --profile: 10.x takes dotnet-common + dotnet-sampled-thread-time by default (it refuses cpu-sampling).
  "$TOOLS/dotnet-trace" collect -p "$API_PID" --duration 00:00:00:20 -o "$OUT/profile/api-c16.nettrace" >"$OUT/profile/collect.log" 2>&1 \
    || log "dotnet-trace collect failed (see profile/collect.log)"
  wait "$profile_wrk"
  "$TOOLS/dotnet-trace" report "$OUT/profile/api-c16.nettrace" topN -n 30 --inclusive >"$OUT/profile/top-inclusive.txt" 2>&1
  "$TOOLS/dotnet-trace" report "$OUT/profile/api-c16.nettrace" topN -n 30 >"$OUT/profile/top-exclusive.txt" 2>&1
  log "profile: $OUT/profile/top-inclusive.txt and top-exclusive.txt"
  if command -v perf >/dev/null; then
    profile_load 26 "$OUT/profile/wrk-perf.txt"
    sleep 3
    perf record -q -e cpu-clock -F 499 -g -p "$API_PID" -o "$W/perf.data" -- sleep 20 >"$OUT/profile/perf-record.log" 2>&1
    wait "$profile_wrk"
    perf report -i "$W/perf.data" --stdio --no-children --sort dso -g none 2>/dev/null | grep -v '^$' | head -n 40 >"$OUT/profile/perf-dso.txt"
    perf report -i "$W/perf.data" --stdio --no-children --sort dso,sym -g none 2>/dev/null | grep -v '^$' | head -n 60 >"$OUT/profile/perf-self.txt"
    perf report -i "$W/perf.data" --stdio --children --sort sym -g none 2>/dev/null | grep -v '^$' | head -n 80 >"$OUT/profile/perf-children.txt"
    perf script -i "$W/perf.data" -F comm,tid,ip,sym 2>/dev/null | python3 "$HERE/perf_groups.py" - >"$OUT/profile/perf-groups.txt" 2>&1
    log "profile: on-CPU by library in $OUT/profile/perf-dso.txt, by symbol in perf-self.txt and perf-children.txt, by kind of work in perf-groups.txt"
  fi
fi

# ---- 15. the audit chains verify after everything ----
verify_org=$(api_verb verify-audit "$ORG" 2>&1 | tail -n 1)
verify_platform=$(api_verb verify-audit 00000000-0000-0000-0000-000000000000 2>&1 | tail -n 1)
printf '{"organisation":"%s","platform":"%s","api_rss_kb_end":%s,"api_log_bytes":%s,"loadavg_end":"%s"}\n' "$verify_org" "$verify_platform" "$(rss_kb "$API_PID")" "$(log_size)" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$OUT/final.json"
log "verify-audit organisation: $verify_org"
log "verify-audit platform: $verify_platform"
python3 "$HERE/report.py" "$OUT" || die "report.py failed"
log "summary: $OUT/summary.md"
[ -z "$FAILED_CHECKS" ] || die "checks failed:$FAILED_CHECKS"
exit 0
}
