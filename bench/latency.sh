#!/usr/bin/env bash
# Event->approve alone, for comparing two checkouts on the same machine: bench/latency.sh <repo dir>
# $1 = repo dir; prints event->approve latency for 300 installs (jobs on)
# PRODUCT=Immediately|ProductAccepted also sends lifecycle webhooks to the sandbox's fake product and prints
# event->product delivered from the database (with ProductAccepted the approve waits for the product).
set -e
cd "$1"
dotnet build TalkdeskPortal.csproj -c Release -v q -nologo >/dev/null
dotnet build bench/Bench/Bench.csproj -c Release -v q -nologo >/dev/null
data=$(mktemp -d)
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:5100 ASPNETCORE_CONTENTROOT="$PWD" \
  Storage__DataDirectory="$data" Jobs__RunServer=true Sandbox__Enabled=true \
  Sandbox__AllowInProduction=true Webhooks__RateLimit__Enabled=false Talkdesk__AppIds__0=sandbox-app Talkdesk__TokenUrlTemplate='http://127.0.0.1:5100/sandbox/{account}/oauth/token' \
  Talkdesk__RegionDomains__0=127.0.0.1 Talkdesk__AllowedApiHosts__0=127.0.0.1:5100 Logging__LogLevel__Default=Warning \
  Staff__BootstrapAdminEmail=bench@portal.local Staff__BootstrapAdminPassword=Bench-Password-1 \
  env ${PRODUCT:+Product__WebhookUrl=http://127.0.0.1:5100/sandbox/product/webhook} \
  ${PRODUCT:+Product__WebhookSecret=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw} ${PRODUCT:+Product__ApproveWhen=$PRODUCT} \
  dotnet bin/Release/net10.0/TalkdeskPortal.dll >/tmp/lat-portal.log 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:5100/healthz >/dev/null && break; sleep 0.2; done
dotnet bench/Bench/bin/Release/net10.0/Bench.dll events --mode latency --portal http://127.0.0.1:5100 --count 300
if [ -n "$PRODUCT" ]; then
  sleep 2
  python3 - "$data/portal.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = sorted(r[0] for r in db.execute(
    "SELECT d.DeliveredAt - r.ReceivedAt FROM ProductDeliveries d JOIN Requests r ON r.Id = d.RequestId WHERE d.State = 'Delivered'"))
n = len(rows)
if n:
    pct = lambda p: rows[min(n - 1, int(p * n))]
    print(f"event->product delivered: n={n} p50={pct(0.5)} ms p95={pct(0.95)} ms max={rows[-1]} ms")
PY
fi
kill $pid; wait $pid 2>/dev/null || true
