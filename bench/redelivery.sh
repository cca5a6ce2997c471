#!/usr/bin/env bash
# Intake of redeliveries: the same events sent a second time (Talkdesk retries after 5 and 10 minutes; behind a
# load balancer a retry can meet another instance). Usage: bench/redelivery.sh [portal.dll]  (default: a Release build here)
# Prints the wrk result of first deliveries and of the same events delivered again, on the embedded SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk; do command -v $tool >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $tool >/dev/null; }; done
out=bench/out/redelivery; rm -rf "$out"; mkdir -p "$out"
portal_dll=${1:-}
if [ -z "$portal_dll" ]; then dotnet build TalkdeskPortal.csproj -c Release -v q -nologo >/dev/null; portal_dll=bin/Release/net10.0/TalkdeskPortal.dll; fi
dotnet build bench/Bench/Bench.csproj -c Release -v q -nologo >/dev/null
dotnet bench/Bench/bin/Release/net10.0/Bench.dll events --mode gen --count 60000 --out "$out/events.jsonl"

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:5100 ASPNETCORE_CONTENTROOT="$PWD" \
Storage__DataDirectory="$out/data" Jobs__RunServer=false Webhooks__RateLimit__Enabled=false \
Talkdesk__AppIds__0=sandbox-app Talkdesk__RegionDomains__0=127.0.0.1 Talkdesk__AllowedApiHosts__0=127.0.0.1:5100 \
Logging__LogLevel__Default=Warning Staff__BootstrapAdminEmail=bench@portal.local Staff__BootstrapAdminPassword=Bench-Password-1 \
dotnet "$portal_dll" >"$out/portal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:5100/healthz >/dev/null && break; sleep 0.2; done

export EVENTS_FILE="$out/events.jsonl"
EVENTS_OFFSET=40000 wrk -t4 -c64 -d2s -s bench/post.lua http://127.0.0.1:5100 >/dev/null   # warm-up on events not measured
first=$(EVENTS_OFFSET=0 wrk -t4 -c64 -d5s -s bench/post.lua http://127.0.0.1:5100 | grep RESULT)
again=$(EVENTS_OFFSET=0 wrk -t4 -c32 -d3s -s bench/post.lua http://127.0.0.1:5100 | grep RESULT)   # all stored by the first run
echo "first deliveries: ${first#RESULT }"
echo "redeliveries:     ${again#RESULT }"
