#!/usr/bin/env bash
# Intake latency while the retention purge erases the payloads of 100,000 finished requests, against the same portal
# idle (issue 15: p99 within 2x of idle), and the purge's throughput. Usage: bench/retention.sh
# Seeds with `Bench dashboard`, gives the rows realistic payloads (`Bench retention --prepare`), starts the portal
# (jobs off: intake only, as run.sh measures it), sends events at a fixed rate for a while, then again while
# `Bench retention` runs the portal's own purge (RetentionPurge, same batches and pauses) on the same file.
# SQLite's locks are the file's, so a second process contends for them as the portal's own job would.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in curl; do command -v $tool >/dev/null || { echo "needs $tool"; exit 1; }; done

requests=${REQUESTS:-100000}; tenants=${TENANTS:-20000}; rps=${RPS:-200}; run_seconds=${RUN_SECONDS:-30}; port=${PORT:-5117}
batch=${BATCH:-100}; pause_ms=${PAUSE_MS:-150}
# REUSE=1: start again from the seeded, prepared copy an earlier run kept (bench/out/retention/seed).
# SCATTERED=1: keep the seeder's completion times scattered over 30 days (each batch then touches rows all over the
# file), instead of completions in arrival order as a portal makes them.
out=bench/out/retention; seed="$out/seed"
if [ "${REUSE:-}" = 1 ] && [ -d "$seed" ]; then rm -rf "$out/data"; else rm -rf "$out"; fi
mkdir -p "$out"
dotnet build TalkdeskPortal.csproj -c Release -v q -nologo >/dev/null
dotnet build bench/Bench/Bench.csproj -c Release -v q -nologo >/dev/null
portal_dll=bin/Release/net10.0/TalkdeskPortal.dll
bench="dotnet bench/Bench/bin/Release/net10.0/Bench.dll"

per_run=$(( rps * run_seconds + 500 ))
if [ -d "$seed" ]; then
  cp -r "$seed" "$out/data"
else
  $bench dashboard --requests "$requests" --tenants "$tenants" --data "$out/data" | head -1
  $bench retention --data "$out/data" --prepare ${SCATTERED:+--scattered}
  cp -r "$out/data" "$seed"
fi
$bench events --mode gen --count $(( per_run * 4 )) --api-root "http://127.0.0.1:$port/sandbox/api/" --out "$out/events.jsonl"
for i in 1 2 3 4; do head -n $(( per_run * i )) "$out/events.jsonl" | tail -n $per_run >"$out/events-$i.jsonl"; done

if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is taken: PORT=... bench/retention.sh"; exit 1; fi
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_CONTENTROOT="$PWD" \
Storage__DataDirectory="$out/data" Jobs__RunServer=false Sandbox__Enabled=true Sandbox__AllowInProduction=true Webhooks__RateLimit__Enabled=false \
Talkdesk__AppIds__0=sandbox-app Talkdesk__TokenUrlTemplate="http://127.0.0.1:$port/sandbox/{account}/oauth/token" \
Talkdesk__RegionDomains__0=127.0.0.1 Talkdesk__AllowedApiHosts__0="127.0.0.1:$port" Logging__LogLevel__Default=Warning \
dotnet "$portal_dll" >"$out/portal.log" 2>&1 &
portal_pid=$!
trap 'kill $portal_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

rate() { $bench events --mode rate --portal "http://127.0.0.1:$port" --rps "$rps" --seconds "$run_seconds" --events "$out/events-$1.jsonl"; }
rate 1 >/dev/null # warm-up: a fresh process's first half minute is slower (JIT tiers, caches), purge or not
idle=$(rate 2)
$bench retention --data "$out/data" --batch "$batch" --pause-ms "$pause_ms" >"$out/purge.txt" 2>&1 &
purge_pid=$!
during=$(rate 3)
purge_running_at_end=$(kill -0 $purge_pid 2>/dev/null && echo yes || echo no)
wait $purge_pid
# Idle again, after the purge: how much the idle figure itself moves on this machine.
after=$(rate 4)

echo
echo "| intake at a fixed $rps req/s | result |"
echo "|---|---|"
echo "| idle | ${idle#rate } |"
echo "| during the purge (still running at the end: $purge_running_at_end) | ${during#rate } |"
echo "| idle again, after the purge | ${after#rate } |"
echo
cat "$out/purge.txt"
