#!/usr/bin/env bash
# One command for every benchmark: builds Release, starts the portal (embedded SQLite, fake Talkdesk in-process)
# and the no-op baseline on loopback, measures side by side, prints a table. Usage: bench/run.sh [--quick|--large] [--postgres]
# --large: only the dashboard (its queries, then the pages in Chromium) on 1,000,000 requests and 200,000 tenants;
# seeding takes most of its ~10 minutes.
# --postgres: the same benchmarks on PostgreSQL, with one and with three instances (bench/run-postgres.sh); the SQLite
# steps are not run then. The table of the last SQLite run stays in bench/out/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=; postgres=
for arg in "$@"; do
  case $arg in
    --quick|--large) mode=$arg ;;
    --postgres) postgres=1 ;;
    *) echo "usage: bench/run.sh [--quick|--large] [--postgres]" >&2; exit 2 ;;
  esac
done
if [ -n "$postgres" ]; then exec bench/run-postgres.sh $mode; fi
for tool in wrk sqlite3 chromium; do command -v $tool >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $tool >/dev/null; }; done

requests=100000; tenants=20000; wrk_seconds=10; events=60000
if [ "$mode" = "--quick" ]; then requests=10000; tenants=2000; wrk_seconds=5; events=30000; fi
if [ "$mode" = "--large" ]; then requests=1000000; tenants=200000; fi

out=bench/out; rm -rf "$out"; mkdir -p "$out"
dotnet build TalkdeskPortal.csproj -c Release -v q -nologo >/dev/null
dotnet build bench/Bench/Bench.csproj -c Release -v q -nologo >/dev/null
dotnet build bench/NoOp/NoOp.csproj -c Release -v q -nologo >/dev/null
dotnet build bench/PageTimes/PageTimes.csproj -c Release -v q -nologo >/dev/null
portal_dll=bin/Release/net10.0/TalkdeskPortal.dll
bench="dotnet bench/Bench/bin/Release/net10.0/Bench.dll"

start_portal() { # $1 = data dir, $2 = run jobs (true/false)
  if curl -s -o /dev/null http://127.0.0.1:5100/; then echo "port 5100 is taken: stop whatever listens there"; exit 1; fi
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:5100 ASPNETCORE_CONTENTROOT="$PWD" \
  Storage__DataDirectory="$1" Jobs__RunServer="$2" Sandbox__Enabled=true Sandbox__AllowInProduction=true Webhooks__RateLimit__Enabled=false \
  Talkdesk__AppIds__0=sandbox-app Talkdesk__TokenUrlTemplate='http://127.0.0.1:5100/sandbox/{account}/oauth/token' \
  Talkdesk__RegionDomains__0=127.0.0.1 Talkdesk__AllowedApiHosts__0=127.0.0.1:5100 Logging__LogLevel__Default=Warning \
  Staff__BootstrapAdminEmail=bench@portal.local Staff__BootstrapAdminPassword=Bench-Password-1 \
  dotnet "$portal_dll" >"$out/portal-$2.log" 2>&1 &
  echo $! >"$out/portal.pid"
  for _ in $(seq 1 100); do curl -sf http://127.0.0.1:5100/healthz >/dev/null && return 0; sleep 0.2; done
  echo "portal did not start"; cat "$out/portal-$2.log"; exit 1
}
stop_portal() { kill "$(cat "$out/portal.pid")" 2>/dev/null || true; wait "$(cat "$out/portal.pid")" 2>/dev/null || true; }
rss_mb() { echo $(( $(ps -o rss= -p "$(cat "$out/portal.pid")") / 1024 )); }
noop_pid=
trap 'stop_portal; [ -z "$noop_pid" ] || kill $noop_pid 2>/dev/null || true' EXIT

if [ "$mode" != "--large" ]; then

echo "generating $events events for wrk..."
$bench events --mode gen --count $events --out "$out/events.jsonl"

# 1. Intake: the portal (jobs off, so only intake is measured) against the no-op, same wrk settings.
# The per-IP webhook limit is off for every run: wrk and the burst come from one address on purpose.
ASPNETCORE_URLS=http://127.0.0.1:5101 dotnet bench/NoOp/bin/Release/net10.0/NoOp.dll >"$out/noop.log" 2>&1 & noop_pid=$!
sleep 2
start_portal "$out/intake-data" false
export EVENTS_FILE="$out/events.jsonl"
# Warm-ups (JIT, pools) on events the measured runs do not send.
EVENTS_OFFSET=$((events * 2 / 3)) wrk -t4 -c64 -d2s -s bench/post.lua http://127.0.0.1:5101 >/dev/null
EVENTS_OFFSET=$((events * 2 / 3)) wrk -t4 -c64 -d2s -s bench/post.lua http://127.0.0.1:5100 >/dev/null
noop=$(wrk -t4 -c64 -d${wrk_seconds}s -s bench/post.lua http://127.0.0.1:5101 | grep RESULT)
portal=$(wrk -t4 -c64 -d${wrk_seconds}s -s bench/post.lua http://127.0.0.1:5100 | grep RESULT)
stored=$(sqlite3 "$out/intake-data/portal.db" "select count(*) from Events" 2>/dev/null || echo "?")
stop_portal; kill $noop_pid; noop_pid=
start_portal "$out/rate-data" false
rate=$($bench events --mode rate --portal http://127.0.0.1:5100 --rps 200 --seconds 10 --events "$out/events.jsonl")
stop_portal

# 2. Event -> approve, and the burst: jobs on, the fake Talkdesk inside the portal.
start_portal "$out/flow-data" true
latency=$($bench events --mode latency --portal http://127.0.0.1:5100 --count 200)
burst=$($bench events --mode burst --portal http://127.0.0.1:5100 --count 1000 --seconds 10 --latency-ms 20)
flow_rss=$(rss_mb)
stop_portal

# 2b. Idle: a fresh portal with jobs on (Hangfire on SQLite polling its queue and schedule) doing nothing for 60 s.
start_portal "$out/idle-data" true
sleep 10 # start-up, migrations and the first sweep settle
ticks() { awk '{ print $14 + $15 }' "/proc/$(cat "$out/portal.pid")/stat"; }
hz=$(getconf CLK_TCK); idle_from=$(ticks); sleep 60; idle_to=$(ticks)
idle_cpu=$(awk "BEGIN { s = ($idle_to - $idle_from) / $hz; printf \"%.2f s of CPU in 60 s (%.2f%% of one core)\", s, s / 60 * 100 }")
idle_rss=$(rss_mb)
stop_portal
fi

# 3. Dashboard queries on a large database.
dash=$($bench dashboard --requests $requests --tenants $tenants --data "$out/dash-data")
# Jobs off: the seeded requests name installations the fake Talkdesk does not know, so recovering them
# would only measure a background storm of failing jobs.
start_portal "$out/dash-data" false
last_request=$(sqlite3 "$out/dash-data/portal.db" "select max(Id) from Requests")
pages=$(dotnet bench/PageTimes/bin/Release/net10.0/PageTimes.dll http://127.0.0.1:5100 bench@portal.local Bench-Password-1 "$last_request")
dash_rss=$(rss_mb)
stop_portal

field() { echo "$1" | grep -o "$2=[0-9.]*" | cut -d= -f2; }
echo
# Also kept in bench/out/results.md: bench/run.sh --postgres prints its SQLite rows beside its own.
{
if [ "$mode" != "--large" ]; then
echo "| benchmark | result |"
echo "|---|---|"
echo "| intake, no-op baseline (wrk -t4 -c64, ${wrk_seconds}s) | $(field "$noop" rps) req/s, p50 $(field "$noop" p50) ms, p99 $(field "$noop" p99) ms |"
echo "| intake, portal (same settings) | $(field "$portal" rps) req/s, p50 $(field "$portal" p50) ms, p99 $(field "$portal" p99) ms, non-2xx $(field "$portal" non2xx), rows stored $stored |"
echo "| intake ratio portal / no-op | $(awk "BEGIN { printf \"%.2f\", $(field "$portal" rps) / $(field "$noop" rps) }") |"
echo "| intake at a fixed 200 req/s | ${rate#rate } |"
echo "| ${latency%%:*} | ${latency#*: } |"
echo "| burst | ${burst#burst: } |"
echo "| portal RSS after the event runs | ${flow_rss} MB |"
echo "| idle portal, jobs on, 60 s | ${idle_cpu}, RSS ${idle_rss} MB |"
else
echo "| benchmark | result |"
echo "|---|---|"
fi
echo "| portal RSS on the ${requests}-request database | ${dash_rss} MB |"
echo
echo "$dash"
echo
echo "Pages as staff open them (Chromium; server time of the document: sign-in check, prerender and its queries):"
echo
echo "$pages"
} | tee "$out/results.md"
