#!/usr/bin/env bash
# The benchmarks on PostgreSQL; started by `bench/run.sh --postgres [--quick|--large]` (see docs/benchmarks.md).
#
#   (no flag)  intake with wrk against one instance, one instance behind nginx and three behind nginx; event -> approve
#              with one instance and with three; the dashboard queries and pages on 100,000 requests / 20,000 tenants
#   --quick    the same with 10,000 requests, 5 s wrk runs and 30,000 events for wrk
#   --large    only the dashboard (queries, then pages in Chromium) on 1,000,000 requests / 200,000 tenants
#   BENCH_TINY=1  a smoke test of every step: 5,000 requests, 3 s wrk runs, 20 installs for event -> approve
#   BENCH_STEPS="intake latency dashboard"  (the default) or any of them, to repeat one step
#
# It runs its own PostgreSQL (scripts/postgres.sh, durable settings) in bench/out/postgres/pg on port 55442
# (BENCH_POSTGRES_PORT), never the test servers' 55432/55433, with a fresh database per step (CREATE DATABASE).
# Portals listen on 127.0.0.1:5110, 5111, 5112 (BENCH_PORT_BASE) and nginx on 5119 (base + 9). Whatever happens
# (a failed step, Ctrl-C), the EXIT trap stops the portals, nginx and PostgreSQL it started.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
for tool in wrk chromium nginx psql; do
  command -v $tool >/dev/null || { pkg=$tool; [ $tool = psql ] && pkg=postgresql-client
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkg >/dev/null; }
done

requests=100000; tenants=20000; wrk_seconds=10; events=60000; installs=200
if [ "$mode" = "--quick" ]; then requests=10000; tenants=2000; wrk_seconds=5; events=30000; fi
if [ "$mode" = "--large" ]; then requests=1000000; tenants=200000; fi
if [ "${BENCH_TINY:-0}" = 1 ]; then requests=5000; tenants=1000; wrk_seconds=3; events=10000; installs=20; fi
steps=" ${BENCH_STEPS:-intake latency dashboard} "
if [ "$mode" = "--large" ]; then steps=" dashboard "; fi
step() { [[ $steps == *" $1 "* ]]; }

out=bench/out/postgres
pg_dir=$PWD/$out/pg
pg_port=${BENCH_POSTGRES_PORT:-55442}
base=${BENCH_PORT_BASE:-5110}
nginx_port=$((base + 9))
ports=("$base" $((base + 1)) $((base + 2)))

# A PostgreSQL left from an earlier run that was killed (kill -9) would hold the folder and the port: stop it first.
POSTGRES_PORT=$pg_port scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$pg_port" "${ports[@]}" "$nginx_port"; do
  if listening "$p"; then echo "port $p is taken: stop whatever listens there (or set BENCH_POSTGRES_PORT / BENCH_PORT_BASE)"; exit 1; fi
done
rm -rf "$out"; mkdir -p "$out"
dotnet build TalkdeskPortal.csproj -c Release -v q -nologo >/dev/null
dotnet build bench/Bench/Bench.csproj -c Release -v q -nologo >/dev/null
dotnet build bench/PageTimes/PageTimes.csproj -c Release -v q -nologo >/dev/null
portal_dll=bin/Release/net10.0/TalkdeskPortal.dll
bench="dotnet bench/Bench/bin/Release/net10.0/Bench.dll"

# --- cleanup: everything this script started, also when a step fails or on Ctrl-C -------------------------------------
portal_pids=()
nginx_dir=
pg_started=
stop_portals() {
  local pid
  for pid in "${portal_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${portal_pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then echo "portal $pid did not stop in 15 s: killing it" >&2; kill -9 "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
  portal_pids=()
}
# Keeps nginx's error log (upstream timeouts, refused connections) as $out/nginx-<step>.log, then removes its folder.
nginx_step=
stop_nginx() {
  if [ -n "$nginx_dir" ]; then
    NGINX_KEEP=1 deploy/nginx/run-local.sh stop "$nginx_dir" >/dev/null 2>&1 || true
    cp "$nginx_dir/error.log" "$out/nginx-$nginx_step.log" 2>/dev/null || true
    if [ -f "$nginx_dir/.run-local" ]; then rm -rf "$nginx_dir"; fi
    nginx_dir=
  fi
}
cleanup() {
  local rc=$?
  set +e
  stop_portals
  stop_nginx
  if [ -n "$pg_started" ]; then POSTGRES_PORT=$pg_port scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1; fi
  if [ $rc -ne 0 ]; then echo "bench/run.sh --postgres failed (exit $rc); logs in $out" >&2; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- PostgreSQL --------------------------------------------------------------------------------------------------------
pg_started=1
POSTGRES_PORT=$pg_port scripts/postgres.sh start "$pg_dir" >/dev/null 2>"$out/postgres-start.log" \
  || { echo "PostgreSQL did not start:"; tail -n 20 "$out/postgres-start.log"; exit 1; }
connection() { echo "Host=127.0.0.1;Port=$pg_port;Username=portal;Database=$1"; }
psql_on() { psql -h 127.0.0.1 -p "$pg_port" -U portal -v ON_ERROR_STOP=1 -qtA -d "$@"; }
new_database() { psql_on postgres -c "CREATE DATABASE \"$1\""; }

# --- portals -----------------------------------------------------------------------------------------------------------
# $1 = instance (0, 1, 2), $2 = database, $3 = run jobs (true/false). Every instance talks to the fake Talkdesk of
# instance 0 (its /sandbox): that is where the benchmark creates installations and reads the decisions, and the fake's
# installations, tokens and decisions live in that one process's memory.
start_portal() {
  local port=${ports[$1]} log="$out/portal-$2-$1.log"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$port ASPNETCORE_CONTENTROOT="$PWD" \
  Storage__Provider=PostgreSql Storage__ConnectionString="$(connection "$2")" Storage__DataDirectory="$PWD/$out/data-$2-$1" \
  Jobs__RunServer="$3" Sandbox__Enabled=true Sandbox__AllowInProduction=true Webhooks__RateLimit__Enabled=false \
  Talkdesk__AppIds__0=sandbox-app Talkdesk__TokenUrlTemplate="http://127.0.0.1:$base/sandbox/{account}/oauth/token" \
  Talkdesk__RegionDomains__0=127.0.0.1 Talkdesk__AllowedApiHosts__0=127.0.0.1:$base Logging__LogLevel__Default=Warning \
  Staff__BootstrapAdminEmail=bench@portal.local Staff__BootstrapAdminPassword=Bench-Password-1 \
  dotnet "$portal_dll" >"$log" 2>&1 &
  portal_pids+=($!)
  # One after another: the first migrates the fresh database and creates Hangfire's schema and the key ring.
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    kill -0 "${portal_pids[-1]}" 2>/dev/null || break
    sleep 0.2
  done
  echo "portal $1 (port $port, database $2) did not start; the end of $log:"; tail -n 30 "$log"; exit 1
}
start_portals() { local i; for i in $(seq 0 $(($1 - 1))); do start_portal "$i" "$2" "$3"; done; }

# nginx as deploy/nginx/run-local.sh writes it, but round-robin: ip_hash (the sample's sticky sessions, which Blazor
# circuits need) sends every request from one client address to one instance, and wrk is one address on loopback,
# so with ip_hash all three "instances" would be one. Webhooks need no stickiness. (hash $request_id would also spread.)
start_nginx() {
  local p upstreams=()
  for p in "${ports[@]:0:$1}"; do upstreams+=("$p"); done
  nginx_dir=$(deploy/nginx/run-local.sh start "$nginx_port" "${upstreams[@]}")
  sed -i 's/^\( *\)ip_hash;$/\1# round-robin for the benchmark (bench\/run-postgres.sh): ip_hash would pin wrk to one instance/' "$nginx_dir/nginx.conf"
  if grep -q '^ *ip_hash;' "$nginx_dir/nginx.conf"; then echo "could not switch nginx to round-robin"; exit 1; fi
  local master; master=$(cat "$nginx_dir/nginx.pid")
  nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/error.log" -s reload
  # The reload is done when the master has logged the new workers (they serve the new config).
  for _ in $(seq 1 50); do grep -q 'reconfiguring' "$nginx_dir/error.log" && break; sleep 0.1; done
  sleep 0.5
  kill -0 "$master"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# CPU of a process's children (PostgreSQL's backends, nginx's workers): "pid ticks" lines now, and the seconds used
# between two such snapshots (a child that ended in between is not counted, one that started counts from zero).
child_ticks() { local c; for c in $(ps --ppid "$1" -o pid= || true); do echo "$c $(cpu_ticks "$c" 2>/dev/null || echo 0)"; done; }
child_cpu() { awk -v hz="$hz" 'NR == FNR { b[$1] = $2; next } NF == 2 { s += $2 - ($1 in b ? b[$1] : 0) } END { printf "%.1f", s / hz }' <(echo "$1") <(echo "$2"); }
pg_master() { head -n 1 "$pg_dir/data/postmaster.pid"; }
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
hz=$(getconf CLK_TCK)
field() { echo "$1" | grep -o "$2=[0-9.]*" | cut -d= -f2; }

if step intake; then
echo "generating $events events for wrk..."
$bench events --mode gen --count $events --api-root "http://127.0.0.1:$base/sandbox/api/" --out "$out/events.jsonl"
export EVENTS_FILE="$out/events.jsonl"

# 1. Intake, jobs off (only intake is measured), the same wrk settings as the SQLite step, a fresh database each.
# $1 = database, $2 = instances, $3 = "nginx" to send wrk through nginx. Sets intake_result, intake_stored and
# intake_cpu (CPU seconds of each portal, of PostgreSQL's backends and of nginx's workers during the measured run).
intake() {
  echo "intake: $2 instance(s)${3:+ behind nginx} ..."
  new_database "$1"
  start_portals "$2" "$1" false
  local target=http://127.0.0.1:$base pid i
  local -a before=()
  local pg_before nginx_before="" nginx_master=""
  if [ -n "${3:-}" ]; then nginx_step=$1; start_nginx "$2"; target=http://127.0.0.1:$nginx_port; nginx_master=$(cat "$nginx_dir/nginx.pid"); fi
  # Warm-up (JIT, pools, every instance) on events the measured run does not send.
  EVENTS_OFFSET=$((events * 2 / 3)) wrk -t4 -c64 -d2s -s bench/post.lua "$target" >/dev/null
  for pid in "${portal_pids[@]}"; do before+=("$(cpu_ticks "$pid")"); done
  pg_before=$(child_ticks "$(pg_master)")
  if [ -n "$nginx_master" ]; then nginx_before=$(child_ticks "$nginx_master"); fi
  intake_result=$(wrk -t4 -c64 -d${wrk_seconds}s -s bench/post.lua "$target" | grep RESULT)
  intake_cpu=
  for i in "${!portal_pids[@]}"; do
    intake_cpu+="${intake_cpu:+ / }$(awk "BEGIN { printf \"%.1f\", ($(cpu_ticks "${portal_pids[$i]}") - ${before[$i]}) / $hz }")"
  done
  intake_cpu="portals $intake_cpu s, PostgreSQL $(child_cpu "$pg_before" "$(child_ticks "$(pg_master)")") s"
  if [ -n "$nginx_master" ]; then intake_cpu+=", nginx $(child_cpu "$nginx_before" "$(child_ticks "$nginx_master")") s"; fi
  intake_stored=$(psql_on "$1" -c 'select count(*) from "Events"')
  stop_nginx
  stop_portals
}
intake intake1 1; intake_1=$intake_result; stored_1=$intake_stored; cpu_1=$intake_cpu
intake intake1n 1 nginx; intake_1n=$intake_result; stored_1n=$intake_stored; cpu_1n=$intake_cpu
intake intake3n 3 nginx; intake_3n=$intake_result; stored_3n=$intake_stored; cpu_3n=$intake_cpu
fi

# 2. Event -> approve, jobs on in every instance. The benchmark creates the installations in instance 0's fake,
# posts each event (one at a time) round-robin to the instances and polls instance 0's fake for the approve.
# Three installs per instance go first, unmeasured: each instance's first ones pay for JIT, pools and a first token.
if step latency; then
echo "event -> approve: 1 instance ..."
new_database flow1
start_portals 1 flow1 true
# A failed run (a timeout, a second decision for one install) prints what it can and the other steps go on.
latency_1=$($bench events --mode latency --portal "http://127.0.0.1:$base" --count $installs --warmup 3) || latency_1="${latency_1:-event->approve: failed (see the output above)}"
flow_rss_1=$(rss_mb "${portal_pids[0]}")
stop_portals
echo "event -> approve: 3 instances ..."
new_database flow3
start_portals 3 flow3 true
latency_3=$($bench events --mode latency --portal "http://127.0.0.1:$base" --count $installs --warmup 3 \
  --post "http://127.0.0.1:${ports[0]},http://127.0.0.1:${ports[1]},http://127.0.0.1:${ports[2]}") \
  || latency_3="${latency_3:-event->approve, 3 instances: failed (see the output above)}"
flow3_processed=$(psql_on flow3 -c "select count(*) from \"Requests\" where \"State\" = 'Completed'")
stop_portals
fi

# 3. Dashboard queries on a large database: seeded through binary COPY, VACUUM ANALYZE, then the same queries.
if step dashboard; then
echo "dashboard: seeding $requests requests, $tenants tenants ..."
new_database dash
dash=$($bench dashboard --requests $requests --tenants $tenants --postgres "$(connection dash)")
# Jobs off: the seeded requests name installations the fake Talkdesk does not know (as in the SQLite step).
start_portal 0 dash false
last_request=$(psql_on dash -c 'select max("Id") from "Requests"')
pages=$(dotnet bench/PageTimes/bin/Release/net10.0/PageTimes.dll "http://127.0.0.1:$base" bench@portal.local Bench-Password-1 "$last_request")
dash_rss=$(rss_mb "${portal_pids[0]}")
stop_portals
pg_size=$(psql_on dash -c "select pg_size_pretty(pg_database_size('dash'))")
# Each query's plan (EXPLAIN (ANALYZE, BUFFERS), run after the timings on the same database), for reading later.
$bench dashboard --reuse --explain --postgres "$(connection dash)" >"$out/explain.md"
fi

# --- table -------------------------------------------------------------------------------------------------------------
intake_row() { # $1 = label, $2 = wrk RESULT, $3 = rows, $4 = CPU per instance
  echo "| $1 | $(field "$2" rps) req/s, p50 $(field "$2" p50) ms, p99 $(field "$2" p99) ms, non-2xx $(field "$2" non2xx), socket errors $(field "$2" errors) (of which timeouts $(field "$2" timeouts)), rows stored $3; CPU: $4 |"
}
echo
echo "PostgreSQL $(psql_on postgres -c 'show server_version'), durable settings (fsync on), on 127.0.0.1:$pg_port; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| benchmark (PostgreSQL) | result |"
echo "|---|---|"
if step intake; then
intake_row "intake, 1 instance (wrk -t4 -c64, ${wrk_seconds}s)" "$intake_1" "$stored_1" "$cpu_1"
intake_row "intake, 1 instance behind nginx" "$intake_1n" "$stored_1n" "$cpu_1n"
intake_row "intake, 3 instances behind nginx (round-robin)" "$intake_3n" "$stored_3n" "$cpu_3n"
echo "| intake ratio 3 instances / 1 instance, both behind nginx | $(awk "BEGIN { printf \"%.2f\", $(field "$intake_3n" rps) / $(field "$intake_1n" rps) }") |"
fi
if step latency; then
echo "| ${latency_1%%:*}, 1 instance | ${latency_1#*: } |"
echo "| ${latency_3%%:*} | ${latency_3#*: }; requests completed in the database $flow3_processed (warm-ups included) |"
echo "| portal RSS after event -> approve, 1 instance | ${flow_rss_1} MB |"
fi
if step dashboard; then
echo "| portal RSS on the ${requests}-request database | ${dash_rss} MB |"
echo "| database size with ${requests} requests | ${pg_size} |"
fi
# SQLite figures are not measured here; an earlier bench/run.sh in this checkout left them in bench/out/results.md.
if { step intake || step latency; } && grep -q '^| intake, portal' bench/out/results.md 2>/dev/null; then
  echo
  echo "SQLite, from the earlier bench/run.sh of $(date -r bench/out/results.md '+%Y-%m-%d %H:%M') (not rerun):"
  echo
  grep -E '^\| (benchmark|---|intake, portal|event->approve)' bench/out/results.md || true
fi
if step dashboard; then
echo
echo "$dash"
echo
echo "Pages as staff open them (Chromium; server time of the document: sign-in check, prerender and its queries):"
echo
echo "$pages"
echo
echo "Query plans on PostgreSQL: $out/explain.md"
fi
