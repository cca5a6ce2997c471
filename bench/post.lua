-- wrk script: POST distinct events, one per line of $EVENTS_FILE; threads interleave so no two send the same one.
local events = {}
local counter = 0
local threads = 0
local offset = tonumber(os.getenv("EVENTS_OFFSET") or "0")

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
  thread:set("nthreads", 0)
end

function init(args)
  for line in io.lines(os.getenv("EVENTS_FILE")) do events[#events + 1] = line end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local i = (offset + (counter - 1) * 4 + tid) % #events + 1
  return wrk.format(nil, "/webhooks/talkdesk", nil, events[i])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50=%.2f p99=%.2f non2xx=%d errors=%d timeouts=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.timeout))
end
